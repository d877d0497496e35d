#!/usr/bin/env bash
# CI entry point for deploy/: installs what the checks need when missing (Debian packages; CI runs as root), runs
# every static check, then the end-to-end operators' check on the local platform.
#   deploy/ci.sh                 static checks + check-platform.sh
#   deploy/ci.sh --static-only   static checks only (no services started)
# Prints "static: N passed, N failed, N skipped" and "promql: N passed, N failed"; exit 1 on any failure.
set -euo pipefail
deploy="$(cd "$(dirname "$0")" && pwd)"

need=()
command -v promtool >/dev/null && command -v prometheus >/dev/null || need+=(prometheus)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || need+=(docker-compose)
python3 -c 'import yaml' 2>/dev/null || /usr/bin/python3 -c 'import yaml' 2>/dev/null || need+=(python3-yaml)
command -v curl >/dev/null || need+=(curl)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "deploy/ci: installing ${need[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

"$deploy/check-static.sh"
if [[ "${1:-}" != "--static-only" ]]; then
  "$deploy/check-platform.sh" --timeout 420
fi
