#!/usr/bin/env bash
# Starts the festival ledger with the demo competition on the embedded store (data in ./data).
# Builds the application first if it was never built or the sources changed since.
# Extra arguments go to the application, e.g.  ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
jar=api/target/festival-ledger.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building the festival ledger (first run takes a few minutes to download dependencies)..."
  mvn -B -q -pl api -am package -DskipTests
fi
exec java -jar "$jar" --ledger.demo.enabled=true "$@"
