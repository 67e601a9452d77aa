# Acuplan's production image: `docker compose up -d` runs it (see compose.yaml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/venv/bin:$PATH

# pg_dump and pg_restore for `flask backup` / `flask restore` (PostgreSQL 15, as in compose).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 acuplan

WORKDIR /app
# Dependencies first, from the lock with hashes, so a code change reuses this layer.
COPY requirements.lock ./
RUN python -m venv /venv && pip install --require-hashes -r requirements.lock

COPY . .
# The package itself (its Flask commands are entry points), then a check that the routine
# library is valid and a build of every asset, baked into the image.
RUN pip install --no-deps -e . \
    && SECRET_KEY=build flask --app app routines check \
    && SECRET_KEY=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
       python -c "from app import create_app; create_app()" \
    && rm -f /tmp/build.sqlite3 \
    && mkdir -p instance \
    && mkdir -p /backups \
    && chown -R acuplan:acuplan instance static/gen static/.webassets-cache /backups

USER acuplan
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/ready', timeout=4)"
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["web"]
