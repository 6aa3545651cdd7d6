#!/bin/sh
# What a brand gets after a few hundred corrections: imports the tuning half of the labelled dev set into a throwaway
# store as if agents had corrected those messages (bin/social-bridge learn --import), lets learn train and judge a
# model, then evaluates the installation's model on the held-back half, which it never saw.
# Usage: scripts/evaluate-learning.sh [DEV_JSONL]   (default /work/shared/datasets/social-messages-dev.jsonl)
# Environment: BUILD_DIR (default target), MAVEN_ARGS (extra mvn arguments, e.g. -o). Takes several minutes.
set -e
cd "$(dirname "$0")/.."
DEV=${1:-/work/shared/datasets/social-messages-dev.jsonl}
BUILD_DIR=${BUILD_DIR:-target}
mvn -B -q $MAVEN_ARGS -DbuildDir="$BUILD_DIR" -DskipTests process-test-resources
CP="$BUILD_DIR/classes:$(cat "$BUILD_DIR/test-classpath.txt")"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf 'socialbridge.store.jdbc-url=jdbc:h2:file:%s/store\n' "$WORK" > "$WORK/learning.properties"
java -cp "$CP" dev.socialbridge.classify.train.ExportDevPart "$DEV" tuning "$WORK/tuning.jsonl"
java -cp "$CP" dev.socialbridge.app.Main learn --config "$WORK/learning.properties" --import "$WORK/tuning.jsonl"
java -cp "$CP" dev.socialbridge.classify.train.EvaluateClassifier --config "$WORK/learning.properties" --part heldback "$DEV"
