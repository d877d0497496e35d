#!/usr/bin/env bash
# End-to-end check of the operators' view: starts the local platform (./newsflow up: embedded Kafka, MongoDB-wire
# server, the four services) on free ports, ingests the sample page and a few articles through the gateway, waits
# until articles are stored, then runs deploy/check-live.sh (a throwaway Prometheus scraping the four services;
# every dashboard and alert expression must evaluate and every Pipeline panel must return data). Stops what it started.
#
#   deploy/check-platform.sh [--home REPO_DIR] [--timeout SECONDS] [--require-data REGEX]
#
# Needs: the services' exec jars (./newsflow up builds missing ones), prometheus (apt-get install -y prometheus),
# python3 with PyYAML, curl. ../shared/samples/jinzhou-daily-page.txt is used when present.
set -euo pipefail
deploy="$(cd "$(dirname "$0")" && pwd)"
home="$(cd "$deploy/.." && pwd)"
timeout=300; require='^Newsflow / Pipeline/'
while [[ $# -gt 0 ]]; do
  case "$1" in
    --home) home="$(cd "$2" && pwd)"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --require-data) require="$2"; shift 2 ;;
    *) echo "check-platform: unknown option $1" >&2; exit 2 ;;
  esac
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
gw=$(free_port); ing=$(free_port); nlp=$(free_port); met=$(free_port)
key="check-platform-key"
data="$(mktemp -d)"
log="$data/stack.log"
echo "check-platform: starting the platform (gateway $gw, ingest $ing, nlp $nlp, metrics $met), log $log"
NEWSFLOW_DATA_DIR="$data" NEWSFLOW_GATEWAY_PORT=$gw NEWSFLOW_INGEST_PORT=$ing NEWSFLOW_NLP_PORT=$nlp \
  NEWSFLOW_METRICS_PORT=$met NEWSFLOW_MONGO_PORT=0 NEWSFLOW_API_KEYS="$key:ingest+read+admin" \
  "$home/newsflow" up >"$log" 2>&1 &
stack_pid=$!
stop() {
  kill "$stack_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$stack_pid" 2>/dev/null || true
  wait "$stack_pid" 2>/dev/null || true
}
trap stop EXIT
fail() { echo "FAIL  $*"; echo "---- last lines of $log"; tail -20 "$log" | sed 's/^/      /'; echo "platform: 0 passed, 1 failed"; exit 1; }

deadline=$((SECONDS + timeout))
until grep -q "newsflow: ready" "$log" 2>/dev/null; do
  kill -0 "$stack_pid" 2>/dev/null || fail "the platform exited before it was ready"
  (( SECONDS < deadline )) || fail "the platform was not ready within ${timeout}s"
  sleep 1
done
echo "ok    platform ready"

api="http://127.0.0.1:$gw/api/v1"
sample="$home/../shared/samples/jinzhou-daily-page.txt"
if [[ -f "$sample" ]]; then
  code=$(curl -s -o "$data/page.out" -w '%{http_code}' -H "X-API-Key: $key" -H 'Content-Type: text/plain; charset=utf-8' \
    --data-binary @"$sample" "$api/pages")
  echo "ok    POST /pages (sample page): HTTP $code"
fi
python3 - "$api" "$key" <<'PY'
import json, sys, urllib.request, urllib.error
api, key = sys.argv[1], sys.argv[2]
bodies = ["锦州市2022年上半年地区生产总值完成643.2亿元，同比增长3.5%。市长在会上表示，将继续推进项目建设。",
          "辽宁省沈阳市今年新增就业岗位10万个，城镇登记失业率控制在4.5%以内。",
          "大连港集团前三季度集装箱吞吐量约420万标准箱，比去年同期增长2.1个百分点。"]
lines = [json.dumps({"title": f"检查稿件{i}", "body": b, "source": "check-platform", "section": ["要闻", "经济", "民生"][i],
                     "url": f"https://example.com/check/{i}"}, ensure_ascii=False) for i, b in enumerate(bodies)]
lines.append(lines[0])                                  # a duplicate
req = urllib.request.Request(api + "/articles", data="\n".join(lines).encode("utf-8"),
                             headers={"Content-Type": "application/x-ndjson", "X-API-Key": key})
try:
    with urllib.request.urlopen(req, timeout=30) as r:
        print(f"ok    POST /articles (NDJSON, 4 lines): HTTP {r.status}")
except urllib.error.HTTPError as e:
    print(f"FAIL  POST /articles: HTTP {e.code} {e.read()[:300]!r}")
    sys.exit(1)
PY

stored() {
  curl -fs "http://127.0.0.1:$met/actuator/prometheus" 2>/dev/null |
    awk '/^newsflow_articles_stored_total/ {s += $NF} END {print int(s)}'
}
until [[ "$(stored)" -gt 0 ]]; do
  (( SECONDS < deadline )) || fail "no article stored within ${timeout}s (newsflow_articles_stored_total on metrics-service)"
  sleep 2
done
echo "ok    articles stored: $(stored)"

"$deploy/check-live.sh" --ports "$gw,$ing,$nlp,$met" --require-data "$require" --timeout 120
