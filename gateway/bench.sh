#!/usr/bin/env bash
# The gateway's overhead alone: a stub ingest service + the gateway exec jar (built first: ./mvnw -B -q -o -pl gateway
# package -DskipTests), direct vs through the gateway at 20/s and 100/s and back to back; not part of `verify`.
# Options (defaults): --delay-ms 5 (stub's answer time) --warmup 20000 (per path: C2 has compiled the gateway's chain by then; 3,000 measured ~0.8 ms more) --seconds 20 --rates 20,100 --requests 3000
#   --java-opts "-XX:+UseSerialGC -Xmx256m" (as ./newsflow bench runs the gateway) --hold-seconds 0 (back-to-back
#   load after warm-up, e.g. to attach JFR) --env K=V,K2=V2 (extra gateway environment) --jar PATH
#   --compare-jar PATH [--compare-java-opts "..."] [--compare-env K=V,..]: a second gateway (e.g. the previous build) measured in the same
#   phases, interleaved, so that both see the same machine load
# Example: gateway/bench.sh --rates 20,100 --seconds 20
set -euo pipefail
cd "$(dirname "$0")"
exec java -Xmx512m src/test/java/dev/newsflow/gateway/bench/GatewayOverheadBench.java "$@"
