#!/usr/bin/env bash
# Runs the JMH benchmark of the PII detector and prints throughput in MB/s.
# Usage (from the repo root): bench/pii-detector.sh [--smoke]
#   --smoke   a few-second run to check that the benchmark works, not for numbers
set -euo pipefail
cd "$(dirname "$0")/.."
source src/local/jdk.sh || exit 1 # JDK >= 21 for mvn and java

jmh_args=(-f 1 -wi 3 -i 5 -t 1)
if [[ "${1:-}" == "--smoke" ]]; then
    jmh_args=(-f 1 -wi 1 -i 1 -w 1s -r 1s -t 1)
fi

mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

java -cp "$classpath" org.openjdk.jmh.Main PiiDetectorBenchmark "${jmh_args[@]}" -rf csv -rff target/pii-detector-jmh.csv

echo
echo "Throughput (1 MB = 10^6 bytes; prompts are ASCII, so 1 char = 1 byte):"
awk -F, 'NR > 1 {
    gsub(/"/, "", $1); size = ($1 ~ /32KiB/) ? 32768 : 1024;
    printf "  %-40s %12.1f ops/s  %8.1f MB/s  (+/- %.1f MB/s)\n", $1, $5, $5 * size / 1e6, $6 * size / 1e6
}' target/pii-detector-jmh.csv
