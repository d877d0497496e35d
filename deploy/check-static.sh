#!/usr/bin/env bash
# Checks of deploy/ that need no running Newsflow service:
#   1. promtool check config (compose and local variants), promtool check rules, promtool test rules (alerts_test.yml)
#   2. Grafana dashboards: valid JSON, schemaVersion, uids, provisioned datasource uid, panel ids; in sync with
#      deploy/grafana/make-dashboards.py
#   3. docker-compose.yml: structure (pinned images, healthchecks, depends_on conditions, memory limits, mounts, env)
#      and `docker-compose config` / `docker compose config` when one is installed (no engine needed)
#   4. Kubernetes: `kubectl kustomize` (or `kustomize build`) of base and every overlay, then the rendered manifests'
#      references (ConfigMaps, Secrets, selectors, HPA/KEDA/PDB targets); without kustomize only a YAML/file check
#   5. PromQL: a throwaway Prometheus on a loopback port scraping a contract-shaped fixture; every dashboard and rule
#      expression must parse and evaluate (deploy/check-promql.sh), every Pipeline panel must return data, and
#      --require-data must fail on a panel without data (self-test of the checker)
# Needs: python3 with PyYAML, prometheus + promtool (apt-get install -y prometheus). Optional: kubectl or kustomize,
# docker-compose (apt-get install -y docker-compose). Ends with "static: N passed, N failed"; exit 1 on any failure.
#   deploy/check-static.sh [--skip-prometheus]
set -uo pipefail
deploy="$(cd "$(dirname "$0")" && pwd)"
skip_prom=false
[[ "${1:-}" == "--skip-prometheus" ]] && skip_prom=true

passed=0; failed=0; skipped=0
step() {   # step NAME CMD...: run, report, count
  local name="$1"; shift
  local out rc
  out="$("$@" 2>&1)"; rc=$?
  if [[ $rc -eq 0 ]]; then passed=$((passed + 1)); echo "PASS  $name"
  else failed=$((failed + 1)); echo "FAIL  $name (exit $rc)"; fi
  [[ -n "$out" ]] && sed 's/^/      /' <<<"$out"
  return 0
}
skip() { skipped=$((skipped + 1)); echo "SKIP  $1"; }

py=""
for c in python3 /usr/bin/python3; do
  if command -v "$c" >/dev/null && "$c" -c 'import yaml' 2>/dev/null; then py="$c"; break; fi
done
if [[ -z "$py" ]]; then echo "FAIL  python3 with PyYAML not found (apt-get install -y python3-yaml)"; exit 1; fi

tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# 1. Prometheus configuration and rules
if command -v promtool >/dev/null; then
  step "promtool check config prometheus.yml" promtool check config "$deploy/prometheus/prometheus.yml"
  step "promtool check config prometheus-local.yml" promtool check config "$deploy/prometheus/prometheus-local.yml"
  step "promtool check rules alerts.yml" promtool check rules "$deploy/prometheus/alerts.yml"
  step "promtool test rules alerts_test.yml" promtool test rules "$deploy/prometheus/alerts_test.yml"
else
  failed=$((failed + 1)); echo "FAIL  promtool not found (apt-get install -y prometheus)"
fi

# 2. Grafana dashboards
step "dashboards: JSON and structure" "$py" "$deploy/checks/static.py" dashboards
step "dashboards: in sync with make-dashboards.py" bash -c \
  "'$py' '$deploy/grafana/make-dashboards.py' '$tmp/dash' >/dev/null && diff -r '$deploy/grafana/dashboards' '$tmp/dash'"

# 3. docker-compose
step "compose: structure" "$py" "$deploy/checks/static.py" compose "$deploy/docker-compose.yml"
compose_env=(env NEWSFLOW_API_KEYS=check:read GRAFANA_ADMIN_PASSWORD=check)
if docker compose version >/dev/null 2>&1; then
  step "compose: docker compose config" "${compose_env[@]}" docker compose -f "$deploy/docker-compose.yml" config -q
elif command -v docker-compose >/dev/null; then
  step "compose: docker-compose config" "${compose_env[@]}" docker-compose -f "$deploy/docker-compose.yml" config -q
else
  skip "compose: no docker compose / docker-compose to validate the schema (apt-get install -y docker-compose)"
fi

# 4. Kubernetes
render=()
if command -v kustomize >/dev/null; then render=(kustomize build)
elif command -v kubectl >/dev/null && kubectl version --client 2>/dev/null | grep -qE 'Kustomize Version: v[4-9]'; then
  render=(kubectl kustomize)
fi
if [[ ${#render[@]} -gt 0 ]]; then
  for dir in base overlays/local overlays/production; do
    step "k8s: ${render[*]} $dir" bash -c \
      "${render[*]} '$deploy/k8s/$dir' > '$tmp/render.yaml' && '$py' '$deploy/checks/static.py' k8s '$tmp/render.yaml'"
  done
else
  step "k8s: kustomization files and YAML (NOT rendered: no kustomize >= v4)" \
    "$py" "$deploy/checks/static.py" kustomize-tree "$deploy/k8s"
fi

# 5. PromQL through a real Prometheus
free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
if $skip_prom; then
  skip "promql: --skip-prometheus"
elif ! command -v prometheus >/dev/null; then
  failed=$((failed + 1)); echo "FAIL  prometheus not found (apt-get install -y prometheus)"
else
  # the fixture server binds a port of its own choosing and reports it: no window in which another process can take it
  "$py" - "$tmp/fixture.port" "$deploy/checks/fixtures/pipeline.prom" >"$tmp/fixture.log" 2>&1 <<'PY' &
import http.server, sys
port_file, path = sys.argv[1], sys.argv[2]
body = open(path, "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/actuator/prometheus" else 404)
        self.send_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        self.end_headers()
        if self.path == "/actuator/prometheus":
            self.wfile.write(body)
    def log_message(self, *a):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), H)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.rename(port_file + ".tmp", port_file)
server.serve_forever()
PY
  pids+=($!)
  for _ in $(seq 1 100); do [[ -s "$tmp/fixture.port" ]] && break; sleep 0.1; done
  fport="$(cat "$tmp/fixture.port" 2>/dev/null || echo 0)"
  pport="$(free_port)"
  cat >"$tmp/prometheus.yml" <<YML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: newsflow
    metrics_path: /actuator/prometheus
    static_configs: [{targets: ["127.0.0.1:$fport"], labels: {service: fixture}}]
YML
  prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/data" \
    --web.listen-address="127.0.0.1:$pport" >"$tmp/prometheus.log" 2>&1 &
  prom_pid=$!
  pids+=($prom_pid)
  url="http://127.0.0.1:$pport"
  for _ in $(seq 1 60); do curl -fs --noproxy '*' "$url/-/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  # the Prometheus answering must be ours (not one that held the port first) and must have scraped the fixture
  fixture_scraped() {
    kill -0 "$prom_pid" 2>/dev/null || { echo "our Prometheus exited"; return 1; }
    local i
    for i in $(seq 1 60); do
      curl -fs --noproxy '*' "$url/api/v1/query?query=up%7Bjob%3D%22newsflow%22%2Cservice%3D%22fixture%22%7D%3D%3D1" \
        | grep -q '"result":\[{' && return 0
      sleep 0.5
    done
    echo "fixture 127.0.0.1:$fport not scraped within 30 s"
    echo "targets: $(curl -fs --noproxy '*' "$url/api/v1/targets" 2>&1 | head -c 1500)"
    echo "fixture server: $(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' "http://127.0.0.1:$fport/actuator/prometheus")"
    echo "fixture log:"; tail -n 20 "$tmp/fixture.log"
    echo "prometheus log:"; tail -n 20 "$tmp/prometheus.log"
    return 1
  }
  step "promql: a throwaway Prometheus scrapes the contract-shaped fixture" fixture_scraped
  step "promql: every dashboard and rule expression parses and evaluates" "$deploy/check-promql.sh" "$url"
  step "promql: every Pipeline panel returns data (contract-shaped fixture)" \
    "$deploy/check-promql.sh" --require-data '^Newsflow / Pipeline/' --timeout 30 "$url"
  step "promql: --require-data fails on a panel without data (checker self-test)" bash -c \
    "! '$deploy/check-promql.sh' --require-data 'Gateway: rejected' '$url' >/dev/null"
fi

echo "static: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
