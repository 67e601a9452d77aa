#!/bin/sh
# The one way Acuplan starts in production: the container runs it, and so does CI.
#   entrypoint.sh web        wait for the database, then gunicorn (the default)
#   entrypoint.sh migrate    wait for the database, then `flask db upgrade`; run it once
#                            before the web workers start, so they never race on migrations
#   entrypoint.sh scheduler  the reminders scheduler (`flask reminders run`): exactly one
#   entrypoint.sh backup     one backup now (and old ones pruned)
#   entrypoint.sh backups    a backup every night at BACKUP_AT (UTC, default 03:00)
#   anything else            run as given (`entrypoint.sh flask --app app routines check`)
set -eu
cd "$(dirname "$0")"

flask() { python -m flask --app app "$@"; }

workers() {
  python -c "import runpy; print(runpy.run_path('gunicorn.conf.py')['workers'])"
}

command="${1:-web}"
[ $# -gt 0 ] && shift
case "$command" in
  web)
    count=$(workers)
    if [ "$count" -gt 1 ] && [ -z "${SECRET_KEY:-}" ]; then
      echo "entrypoint: set SECRET_KEY: $count workers must sign cookies with one key" >&2
      exit 64
    fi
    flask wait-db --timeout "${DB_WAIT_SECONDS:-60}"
    exec python -m gunicorn -c gunicorn.conf.py "$@" 'app:create_app()'
    ;;
  migrate)
    flask wait-db --timeout "${DB_WAIT_SECONDS:-60}"
    exec python -m flask --app app db upgrade
    ;;
  scheduler)
    flask wait-db --timeout "${DB_WAIT_SECONDS:-60}"
    exec python -m flask --app app reminders run "$@"
    ;;
  backup)
    flask wait-db --timeout "${DB_WAIT_SECONDS:-60}"
    exec python -m flask --app app backup "$@"
    ;;
  backups)
    at="${BACKUP_AT:-03:00}"
    while :; do
      now=$(date -u +%s)
      next=$(date -u -d "$(date -u +%F) $at" +%s)
      [ "$next" -le "$now" ] && next=$(date -u -d "$(date -u -d tomorrow +%F) $at" +%s)
      sleep $((next - now))
      flask backup "$@" || echo "entrypoint: tonight's backup failed; trying again tomorrow" >&2
    done
    ;;
  *)
    exec "$command" "$@"
    ;;
esac
