#!/usr/bin/env bash
# Prepares the packaged application for fast starts and restarts, in DIR (default api/target/fast-start):
#   1. the jar extracted with Spring Boot's own tool, so no class is read out of a jar nested in a jar;
#   2. a class-data-sharing archive (the JDK's AppCDS) of the classes a start loads, recorded by one training start
#      of the demo on a throwaway data directory, stopped as soon as Spring has started it.
# Together they take about a third off every start (see docs/benchmarks.md, "Restart"). Then start with
#   java -XX:SharedArchiveFile=DIR/festival-ledger.jsa -jar DIR/festival-ledger.jar [the usual arguments]
# The archive fits one JDK and one build of the jar: prepare again after changing either. A JVM that cannot use the
# archive says so and starts without it, as slowly as before.
#
#   ./prepare-fast-start.sh [jar] [DIR]
set -euo pipefail
jar=${1:-api/target/festival-ledger.jar}
dir=${2:-api/target/fast-start}
if [ ! -f "$jar" ]; then
  echo "No $jar: build it first (mvn -B -q -pl api -am package -DskipTests)." >&2
  exit 1
fi
# Replace only a layout this script made (or an empty directory): never delete a directory given by mistake.
if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/training.log" ]; then
  echo "$dir exists and is not a fast-start layout: give a new or empty directory." >&2
  exit 2
fi
rm -rf "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# The demo has accounts of its own, so the training start needs no password; its data is deleted afterwards.
if ! java -XX:ArchiveClassesAtExit="$dir/festival-ledger.jsa" -Dspring.context.exit=onRefresh \
    -jar "$dir/festival-ledger.jar" --server.port=0 --ledger.data-dir="$training" --ledger.demo.enabled=true \
    > "$dir/training.log" 2>&1 || [ ! -s "$dir/festival-ledger.jsa" ]; then
  echo "The training start failed; see $dir/training.log" >&2
  exit 1
fi
echo "Prepared $dir. Start with:"
echo "  java -XX:SharedArchiveFile=$dir/festival-ledger.jsa -jar $dir/festival-ledger.jar"
