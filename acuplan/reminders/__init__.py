"""Reminders that arrive: Web Push to each device a person subscribed, at the times they
chose, saying what their plan holds; and a private calendar feed of the same plan.

`keys` (the VAPID key pair), `subscriptions` (what a device sends, checked), `server_plan`
(the plan as the person's synced records make it), `due` (which reminders are due, in
each person's time zone), `send` (one push), `scheduler` (the single loop that sends).
"""
