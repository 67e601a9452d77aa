"""The HTTP side: blueprints, error and cache policy, request and response plumbing."""
