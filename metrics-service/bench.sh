#!/usr/bin/env bash
# Query benchmark (not part of verify): loads N generated articles into an in-memory mongo-java-server through the
# real store path, then prints the store rate and p50/p95 per query endpoint.  Usage: metrics-service/bench.sh [N] [calls] [articles streamed through the store path]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl metrics-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cd metrics-service
rm -rf target/bench-classes && mkdir -p target/bench-classes && cp -r target/classes target/test-classes target/bench-classes/
exec java -Xmx${BENCH_HEAP:-8g} ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_OPTS:-} -cp "target/bench-classes/test-classes:target/bench-classes/classes:$(cat target/bench.cp)" \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  dev.newsflow.metrics.query.QueryBenchmark "${1:-100000}" "${2:-200}" "${3:-5000}"
