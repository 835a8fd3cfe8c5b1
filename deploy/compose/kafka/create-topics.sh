#!/usr/bin/env bash
# Creates straumflyt's topics (docs/TOPICS.md) with their partitions, retention and compaction, and brings the
# configuration of existing ones up to date. Idempotent: run it again after changing a retention.
# Environment: BOOTSTRAP_SERVERS, TOPIC_PREFIX, PARTITIONS, REPLICATION_FACTOR, READINGS_RETENTION_MS,
# DLQ_RETENTION_MS (and KAFKA_BIN, default /opt/kafka/bin, the Kafka command-line tools).
set -euo pipefail

BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${BOOTSTRAP_SERVERS:-kafka:9092}"
PREFIX="${TOPIC_PREFIX:-straumflyt.}"
PARTITIONS="${PARTITIONS:-6}"
REPLICATION="${REPLICATION_FACTOR:-1}"
READINGS_RETENTION_MS="${READINGS_RETENTION_MS:-2592000000}"   # 30 days: the window for replays and backfills
DLQ_RETENTION_MS="${DLQ_RETENTION_MS:-1209600000}"             # 14 days to look at and re-drive dead letters

# A stream topic keeps its records for retention.ms, then deletes them.
stream() {
  echo "cleanup.policy=delete,retention.ms=$1"
}

# A compacted topic keeps the latest record of every key for ever. Segments roll daily so compaction reaches
# yesterday's revisions; a key's older revisions stay at least an hour, so a consumer that is a little behind
# still sees every revision; tombstones (deletes) stay a day.
compacted() {
  echo "cleanup.policy=compact,segment.ms=86400000,min.compaction.lag.ms=3600000,max.compaction.lag.ms=604800000,delete.retention.ms=86400000"
}

topic() {
  local name="$PREFIX$1" configs="$2"
  if "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe --topic "$name" >/dev/null 2>&1; then
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$name" \
      --add-config "$configs" >/dev/null
    echo "topic $name exists; configuration set: $configs"
  else
    local args=()
    IFS=',' read -ra pairs <<< "$configs"
    for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
      --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "${args[@]}"
  fi
}

# Every topic gets the same partition count: Kafka Streams joins readings with the registry and the weather by key,
# which needs co-partitioned topics; and partitions bound how many processor and publisher instances share the work.
topic readings              "$(stream "$READINGS_RETENTION_MS")"
topic readings.dlq          "$(stream "$DLQ_RETENTION_MS")"
topic registry.buildings    "$(compacted)"
topic weather.daily         "$(compacted)"
topic kpi.meter-hourly      "$(compacted)"
topic kpi.building-hourly   "$(compacted)"
topic kpi.meter-quarter-hourly    "$(compacted)"
topic kpi.building-quarter-hourly "$(compacted)"
topic kpi.building-daily    "$(compacted)"
topic kpi.building-monthly  "$(compacted)"
topic kpi.dlq               "$(stream "$DLQ_RETENTION_MS")"
topic kpi.portfolio         "$(compacted)"
topic twin.buildings        "$(compacted)"
topic weather.samples       "$(stream "$READINGS_RETENTION_MS")"
topic alerts                "$(compacted)"
topic prices.day-ahead      "$(compacted)"
topic kpi.building-cost-hourly  "$(compacted)"
topic kpi.building-cost-daily   "$(compacted)"
topic kpi.building-cost-monthly "$(compacted)"
echo "topics ready"
