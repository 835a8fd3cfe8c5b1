#!/bin/sh
# Creates the compose stack's secrets on its first start: random passwords and tokens, each in the volume of the one
# container that reads it, and the Mosquitto password file with their hashes. The `secrets` service of
# docker-compose.yml runs this before anything else; nothing secret is in the repository.
#
#   init-secrets.sh [BASE]     BASE (default /secrets) holds one directory per volume, as docker-compose.yml mounts
#
# A secret that exists is kept, so a restart changes nothing. InfluxDB and Grafana take their admin secrets on their
# first start only: when their data volume exists and such a secret does not, a new one would not match what they
# use, so this refuses to start the stack and says what to do (docs/OPERATIONS.md, "First start").
# POSIX sh and busybox tools: it runs in the Mosquitto image, which has mosquitto_passwd.
set -eu

base=${1:-/secrets}
# Owner of Mosquitto's password file: the Mosquitto image's user, which the broker runs as.
mosquitto_owner=${MOSQUITTO_OWNER:-mosquitto:mosquitto}
ingest_user=${MQTT_INGEST_USER:-ingest}
meters_user=${MQTT_METERS_USER:-meters}
# Data of InfluxDB and Grafana (mounted read-only here), to tell a first start from a later one.
influxdb_state=${INFLUXDB_STATE:-/state/influxdb/influxd.bolt}
grafana_state=${GRAFANA_STATE:-/state/grafana/grafana.db}

umask 077
created=""

# 32 random bytes as 64 hex digits: safe in every file format and URL the secrets end up in.
random_secret() {
  head -c 32 /dev/urandom | od -An -v -tx1 | tr -d ' \n'
}

refuse() {
  echo "secrets: $1" >&2
  echo "secrets: refusing to start. To start over with new secrets and EMPTY stores: docker compose down -v" >&2
  exit 1
}

# new_secret FILE [STATE WHAT]: writes a random secret to FILE unless it exists. With STATE: the secret is only
# read on the first start of WHAT, whose data STATE shows; a new one after that start would not be WHAT's.
new_secret() {
  file=$1
  if [ -s "$file" ]; then
    return 0
  fi
  if [ $# -eq 3 ] && [ -e "$2" ]; then
    refuse "$file is missing but $3 was set up with an earlier one (its data is in $2). Put the old value in \
$file (docker compose run --rm --entrypoint sh secrets), or reset it in $3 and write the new value there."
  fi
  mkdir -p "$(dirname "$file")"
  random_secret > "$file.tmp"
  chmod 444 "$file.tmp"
  mv "$file.tmp" "$file"
  created="$created $file"
}

new_secret "$base/influxdb/admin-password" "$influxdb_state" InfluxDB
new_secret "$base/influxdb/admin-token" "$influxdb_state" InfluxDB
new_secret "$base/grafana/admin-password" "$grafana_state" Grafana
new_secret "$base/ingest/mqtt-password"
new_secret "$base/mosquitto/meters-password"

# Mosquitto's password file: PBKDF2-SHA512 hashes of the ingest and meters passwords; rewritten when either is new.
passwd="$base/mosquitto/passwd"
case "$created" in
  *mqtt-password*|*meters-password*) rm -f "$passwd" ;;
esac
if [ ! -s "$passwd" ]; then
  mosquitto_passwd -c -b "$passwd.tmp" "$ingest_user" "$(cat "$base/ingest/mqtt-password")"
  mosquitto_passwd -b "$passwd.tmp" "$meters_user" "$(cat "$base/mosquitto/meters-password")"
  chown "$mosquitto_owner" "$passwd.tmp"
  chmod 600 "$passwd.tmp"
  mv "$passwd.tmp" "$passwd"
  created="$created $passwd"
fi

# InfluxDB creates the publisher's write token and Grafana's read token itself (influxdb/create-tokens.sh, as root
# during its first start); these volumes are where it puts them.
if [ -e "$influxdb_state" ]; then
  for token in influxdb-publisher/influxdb-token influxdb-grafana/influxdb-read-token; do
    if [ ! -s "$base/$token" ]; then
      echo "secrets: WARNING: InfluxDB is set up but $base/$token is gone; InfluxDB stays unhealthy until it exists." >&2
      echo "secrets: make it: docker compose exec influxdb /docker-entrypoint-initdb.d/create-tokens.sh" >&2
    fi
  done
fi
for dir in influxdb grafana ingest mosquitto; do
  chmod 755 "$base/$dir"
done

if [ -n "$created" ]; then
  echo "secrets: created$created"
  echo "secrets: Grafana's admin password: docker compose exec grafana cat /run/secrets/straumflyt/admin-password"
  echo "secrets: the password of MQTT user $meters_user: docker compose exec mosquitto cat /mosquitto/secrets/meters-password"
else
  echo "secrets: all present"
fi
