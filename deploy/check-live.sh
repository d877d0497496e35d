#!/usr/bin/env bash
# Checks the dashboards and alert rules against the RUNNING services: starts a throwaway Prometheus on a free loopback
# port with deploy/prometheus/prometheus-local.yml (2s scrapes) aimed at the four services' /actuator/prometheus,
# waits until every target is up, then runs deploy/check-promql.sh --require-data on it and stops Prometheus.
# Start the services and ingest some articles first; articles ingested before this script starts count, because
# the panels read counters/histograms that already exist (rates over 1m of a series seen twice are data).
#
#   deploy/check-live.sh [--ports GATEWAY,INGEST,NLP,METRICS] [--require-data REGEX] [--timeout SECONDS] [--keep]
#     --ports         default 8080,8081,8082,8083
#     --require-data  panels that must return data, matched against "Dashboard title/Panel title"
#                     (default '^Newsflow / Pipeline/'; '' = only check that every expression evaluates)
#     --timeout       seconds to wait for targets up, and again for panel data (default 90)
#     --keep          leave Prometheus running and print its URL (stop it with the printed kill command)
set -euo pipefail
deploy="$(cd "$(dirname "$0")" && pwd)"
ports="8080,8081,8082,8083"; require='^Newsflow / Pipeline/'; timeout=90; keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ports) ports="$2"; shift 2 ;;
    --require-data) require="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "check-live: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v prometheus >/dev/null || { echo "check-live: prometheus not found (apt-get install -y prometheus)" >&2; exit 2; }
IFS=, read -r gw ing nlp met <<<"$ports"

tmp="$(mktemp -d)"
cp "$deploy/prometheus/prometheus-local.yml" "$deploy/prometheus/alerts.yml" "$tmp/"
mkdir -p "$tmp/targets"
cat >"$tmp/targets/local.yml" <<YML
- {targets: ["127.0.0.1:$gw"], labels: {service: gateway}}
- {targets: ["127.0.0.1:$ing"], labels: {service: ingest-service}}
- {targets: ["127.0.0.1:$nlp"], labels: {service: nlp-service}}
- {targets: ["127.0.0.1:$met"], labels: {service: metrics-service}}
YML
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
prometheus --config.file="$tmp/prometheus-local.yml" --storage.tsdb.path="$tmp/data" \
  --web.listen-address="127.0.0.1:$port" >"$tmp/prometheus.log" 2>&1 &
prom_pid=$!
stop() { kill "$prom_pid" 2>/dev/null || true; wait "$prom_pid" 2>/dev/null || true; rm -rf "$tmp"; }
$keep || trap stop EXIT
url="http://127.0.0.1:$port"

up_count() {
  curl -fsG "$url/api/v1/query" --data-urlencode 'query=sum(up{job="newsflow"})' 2>/dev/null |
    python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(int(float(r[0]["value"][1])) if r else 0)' 2>/dev/null || echo 0
}
deadline=$((SECONDS + timeout))
until [[ "$(up_count)" == 4 ]]; do
  if (( SECONDS >= deadline )); then
    echo "FAIL  not every target is up after ${timeout}s:"
    curl -fsG "$url/api/v1/targets" | python3 -c 'import json,sys
for t in json.load(sys.stdin)["data"]["activeTargets"]:
    print("      %-16s %-22s %s %s" % (t["labels"].get("service"), t["scrapeUrl"], t["health"], t.get("lastError","")))'
    echo "live: 0 passed, 1 failed"
    exit 1
  fi
  sleep 1
done
echo "ok    all 4 targets up at $url"
sleep 5   # a few more scrapes, so that rate() over 1m has two samples of every series

args=("$url")
[[ -n "$require" ]] && args=(--require-data "$require" --timeout "$timeout" "$url")
rc=0
"$deploy/check-promql.sh" "${args[@]}" || rc=$?
if $keep; then echo "Prometheus left running at $url (kill $prom_pid; rm -rf $tmp)"; fi
exit $rc
