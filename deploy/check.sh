#!/usr/bin/env bash
# Validates deploy/ without a Docker daemon or a cluster (CI runs it):
#   - the compose file, with and without the simulator profile, by Debian's docker-compose (v1) `config`, and that
#     every port it publishes listens on 127.0.0.1 only;
#   - the Kubernetes kustomizations (deploy/kubernetes and with-monitoring), by `kubectl kustomize` when kubectl is
#     installed: they build, apply no Secret, and name every ConfigMap with its content hash;
#   - the alert rules, by promtool, and their unit tests (kubernetes/monitoring/alerts.test.yaml);
#   - the shell scripts' syntax.
# The structural checks against the services' configuration, health endpoints, metrics, secrets and InfluxDB layout
# are the deploy-check module's tests (mvn -pl deploy-check test).
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
rendered=$(docker-compose --project-directory compose -f compose/docker-compose.yml --profile simulator --profile dashboard config)
# Published ports as docker-compose renders them ("- 127.0.0.1:3000:3000/tcp" under ports:); none may omit the address.
exposed=$(awk '/^    ports:/ {p=1; next} p && /^    - / {print; next} {p=0}' <<<"$rendered" | grep -v -- '- 127\.0\.0\.1:' || true)
if [ -n "$exposed" ]; then
  echo "deploy/check: compose publishes ports beyond 127.0.0.1:" >&2
  echo "$exposed" >&2
  exit 1
fi
echo "deploy/check: compose file valid, ports on 127.0.0.1 (docker-compose $(docker-compose version --short))"

if command -v kubectl >/dev/null 2>&1; then
  for kustomization in kubernetes kubernetes/with-monitoring; do
    built=$(kubectl kustomize "$kustomization")
    if grep -q '^kind: Secret$' <<<"$built"; then
      echo "deploy/check: $kustomization applies a Secret (it would replace the real one)" >&2
      exit 1
    fi
    # Every ConfigMap name ends in kustomize's content hash (-<10 characters>), so an edit rolls the pods.
    unhashed=$(awk '/^kind: ConfigMap$/ {c=1} c && /^  name: / {print $2; c=0}' <<<"$built" | grep -Ev -- '-[a-z0-9]{10}$' || true)
    if [ -n "$unhashed" ]; then
      echo "deploy/check: ConfigMaps without a content hash in $kustomization: $unhashed" >&2
      exit 1
    fi
    echo "deploy/check: $kustomization builds"
  done
else
  echo "deploy/check: kubectl not installed, kustomize build skipped"
fi

# The alerts: promtool (from Debian's prometheus package, unpacked, not installed: no server is set up) checks the
# rules and runs their unit tests (kubernetes/monitoring/alerts.test.yaml) on series shaped like the services' meters.
promtool=$(command -v promtool || true)
if [ -z "$promtool" ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/straumflyt-deploy-check"
  promtool="$cache/usr/bin/promtool"
  if [ ! -x "$promtool" ]; then
    echo "deploy/check: fetching promtool (Debian package prometheus, unpacked into $cache)"
    mkdir -p "$cache"
    fetch() { (cd "$cache" && rm -f prometheus_*.deb && apt-get download -qq prometheus 2>/dev/null \
      && dpkg-deb -x prometheus_*.deb .); }
    if ! fetch && { [ "$(id -u)" != "0" ] || ! { apt-get update -qq && fetch; }; }; then
      echo "deploy/check: promtool is missing and could not be fetched (apt-get download prometheus; or put promtool on PATH)" >&2
      exit 1
    fi
  fi
fi
rules_dir=$(mktemp -d)
trap 'rm -rf "$rules_dir"' EXIT
# The PrometheusRule's spec is a Prometheus rule file: its `groups`, two spaces less indented.
sed -n '/^spec:$/,$p' kubernetes/monitoring/prometheusrule.yaml | tail -n +2 | sed 's/^  //' > "$rules_dir/rules.yaml"
cp kubernetes/monitoring/alerts.test.yaml "$rules_dir/"
"$promtool" check rules "$rules_dir/rules.yaml" >/dev/null
if ! tested=$("$promtool" test rules "$rules_dir/alerts.test.yaml" 2>&1); then
  echo "$tested" >&2
  echo "deploy/check: the alerts' unit tests fail (kubernetes/monitoring/alerts.test.yaml)" >&2
  exit 1
fi
echo "deploy/check: alert rules valid, their unit tests pass (promtool)"

bash -n compose/kafka/create-topics.sh compose/influxdb/create-tokens.sh
sh -n compose/secrets/init-secrets.sh
echo "deploy/check: ok"
