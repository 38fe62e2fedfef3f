#!/usr/bin/env bash
# Runs a benchmark from a clean checkout:  ./bench.sh ledger | judging [entries jurors] | timetravel [entries] | festival [entries jurors] | verification [events] | transparency [events] | restart [entries ["JVM options"]] | public [before.jar after.jar]
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q package -DskipTests
exec java -jar bench/target/festival-ledger-bench.jar "${@:-ledger}"
