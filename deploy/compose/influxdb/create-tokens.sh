#!/bin/bash
# InfluxDB's first start (the image runs /docker-entrypoint-initdb.d/*.sh once, after its setup, with the admin
# token in the CLI's configuration and the bucket's id in DOCKER_INFLUXDB_INIT_BUCKET_ID): creates the two tokens
# the stack uses instead of the admin token, each into the volume of the one container that reads it.
#   - kpi-publisher: write access to the KPI bucket only;
#   - Grafana: read access to the KPI bucket only.
set -euo pipefail

# token DESCRIPTION PERMISSION FILE
token() {
  local json
  json=$(influx auth create --org "$DOCKER_INFLUXDB_INIT_ORG" --description "$1" "$2" "$DOCKER_INFLUXDB_INIT_BUCKET_ID" --json)
  sed -n 's/^[[:space:]]*"token":[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$json" > "$3.tmp"
  if [ ! -s "$3.tmp" ]; then
    echo "create-tokens: no token in the answer of influx auth create ($1)" >&2
    exit 1
  fi
  chmod 444 "$3.tmp"
  mv "$3.tmp" "$3"
  echo "create-tokens: $1 -> $3"
}

token "straumflyt kpi-publisher: write $DOCKER_INFLUXDB_INIT_BUCKET" --write-bucket /straumflyt/publisher/influxdb-token
token "straumflyt Grafana: read $DOCKER_INFLUXDB_INIT_BUCKET" --read-bucket /straumflyt/grafana/influxdb-read-token
