#!/usr/bin/env bash
# JMH benchmark of classify + rules per interaction on one thread (= one core), with the launcher's
# JVM flags. On demand, not part of the test suite. Usage: bash scripts/bench-classify.sh [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main ClassifyRulesBenchmark \
  -t 1 -f 2 -wi 5 -w 3s -i 5 -r 3s -jvmArgs "-Xms64m -Xmx192m -XX:+UseSerialGC" "$@"
