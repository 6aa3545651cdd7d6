#!/bin/sh
# Rebuilds the shipped classifier models (src/main/resources/classify/intent-model.bin and lang-model.bin)
# from the training files src/main/resources/classify/training/*.jsonl. Deterministic: the same files give
# byte-identical models (TrainIntentModelTest checks that the committed models are up to date).
#
# Usage: scripts/train-classifier.sh [--refresh-licensed DEV_JSONL]
#   --refresh-licensed DEV_JSONL   first re-extract training/licensed-*.jsonl from the labelled dev set: only
#                                  rows of the shippable sources (davidson-tw-en, youtube-spam-en,
#                                  bitext-synth-en) in the tuning part, never held-back rows
# Environment: BUILD_DIR (default target), MAVEN_ARGS (extra mvn arguments, e.g. -o).
set -e
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-target}
mvn -B -q $MAVEN_ARGS -DbuildDir="$BUILD_DIR" -DskipTests process-test-resources
CP="$BUILD_DIR/classes:$(cat "$BUILD_DIR/test-classpath.txt")"
if [ "$1" = "--refresh-licensed" ]; then
  java -cp "$CP" dev.socialbridge.classify.train.ExtractLicensedRows "$2" src/main/resources/classify/training
fi
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.socialbridge.classify.train.TrainIntentModel \
  src/main/resources/classify/training src/main/resources/classify 2>&1 | grep -v ' INFO ' || true
echo "Models rewritten; run the tests and scripts/evaluate-classifier.sh, then commit the .bin files."
