#!/bin/bash
# InfluxDB's first start (the image runs /docker-entrypoint-initdb.d/*.sh once, after its setup, with the admin
# token in the CLI's configuration): creates the two tokens the stack uses instead of the admin token, each into the
# volume of the one container that reads it.
#   - kpi-publisher: write access to the KPI bucket only;
#   - Grafana: read access to the KPI bucket only.
# A token file that exists is kept. Run it again to replace a lost one:
#   docker compose exec influxdb /docker-entrypoint-initdb.d/create-tokens.sh
set -euo pipefail

# The image exports the bucket's id during its setup; afterwards, look it up.
bucket_id=${DOCKER_INFLUXDB_INIT_BUCKET_ID:-$(influx bucket list --org "$DOCKER_INFLUXDB_INIT_ORG" \
  --name "$DOCKER_INFLUXDB_INIT_BUCKET" --hide-headers | cut -f 1)}

# token DESCRIPTION PERMISSION FILE
token() {
  local json
  if [ -s "$3" ]; then
    echo "create-tokens: $3 exists"
    return
  fi
  json=$(influx auth create --org "$DOCKER_INFLUXDB_INIT_ORG" --description "$1" "$2" "$bucket_id" --json)
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
