#!/usr/bin/env bash
# Writes fresh random secrets for the compose stack into ./secrets and the matching Mosquitto password file.
# Run it before the first `docker compose up` of anything that is not a throw-away trial (the committed ones are
# public). InfluxDB and Grafana take their secrets on first start only: to change them later, change them in
# InfluxDB/Grafana too, or remove the volumes (docker compose down -v loses the data).
set -euo pipefail
cd "$(dirname "$0")"
umask 077
mkdir -p secrets

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40; }

for name in influxdb-admin-password influxdb-token grafana-admin-password mqtt-ingest-password mqtt-meters-password; do
  random > "secrets/$name"
done

# Mosquitto password file (PBKDF2-SHA512 hashes) for users ingest and meters.
passwd_file="$(pwd)/mosquitto/passwd"
: > "$passwd_file"
add_user() {
  if command -v mosquitto_passwd >/dev/null 2>&1; then
    mosquitto_passwd -b "$passwd_file" "$1" "$2"
  else
    docker run --rm -v "$(pwd)/mosquitto:/work" eclipse-mosquitto:2 mosquitto_passwd -b /work/passwd "$1" "$2"
  fi
}
add_user ingest "$(cat secrets/mqtt-ingest-password)"
add_user meters "$(cat secrets/mqtt-meters-password)"
chmod 644 "$passwd_file" secrets/*   # readable by the containers' non-root users
echo "new secrets in $(pwd)/secrets; Mosquitto users ingest and meters in $passwd_file"
