#!/usr/bin/env bash
# Validates deploy/ without a Docker daemon or a cluster (CI runs it):
#   - the compose file, with and without the simulator profile, by Debian's docker-compose (v1) `config`;
#   - the Kubernetes kustomization, by `kubectl kustomize` when kubectl is installed;
#   - the shell scripts' syntax.
# The structural checks against the services' configuration, health endpoints, metrics and InfluxDB layout are
# the deploy-check module's tests (mvn -pl deploy-check test).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "deploy/check: installing docker-compose (Debian package) to validate the compose file"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  else
    echo "deploy/check: docker-compose is missing (sudo apt-get install -y docker-compose)" >&2
    exit 1
  fi
fi

docker-compose --project-directory compose -f compose/docker-compose.yml config --quiet
docker-compose --project-directory compose -f compose/docker-compose.yml --profile simulator config --quiet
echo "deploy/check: compose file valid (docker-compose $(docker-compose version --short))"

if command -v kubectl >/dev/null 2>&1; then
  kubectl kustomize kubernetes >/dev/null
  echo "deploy/check: kustomization builds"
else
  echo "deploy/check: kubectl not installed, kustomize build skipped"
fi

bash -n compose/kafka/create-topics.sh compose/new-secrets.sh
echo "deploy/check: ok"
