#!/usr/bin/env bash
# Evaluates every PromQL expression of every Grafana dashboard panel target (deploy/grafana/dashboards/*.json)
# and every alert rule (deploy/prometheus/alerts.yml) through Prometheus' HTTP API (/api/v1/query).
#
#   deploy/check-promql.sh PROM_URL                          # every expression parses and evaluates
#   deploy/check-promql.sh --require-data '^Newsflow / Pipeline/' --timeout 60 PROM_URL
#                                                             # ... and every Pipeline panel returns a series
#   deploy/check-promql.sh --list PROM_URL                   # print the expressions (after variable substitution)
#
# Fails (exit 1) on a parse/evaluation error (Prometheus answers HTTP 400/422), on a newsflow_* metric name that is
# not in the Micrometer contract, on an unknown metric family, and with --require-data on a matching panel none of
# whose targets returns a series. Dashboard variables take their All value (.*), $__rate_interval=1m, $__range=1h
# (override with --var NAME=VALUE). Needs python3 with PyYAML (Debian: python3-yaml).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null && "$py" -c 'import yaml' 2>/dev/null; then
    exec "$py" "$here/checks/promql.py" "$@"
  fi
done
echo "check-promql: needs python3 with PyYAML (apt-get install -y python3-yaml)" >&2
exit 2
