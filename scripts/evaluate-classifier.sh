#!/bin/sh
# Evaluates the bundled classifier on the labelled dev set and prints a Markdown report (per-intent
# precision/recall/F1, macro-F1, confusion matrix, spam/toxic gates, language and sentiment accuracy, the
# precision and share of hides and auto-replies at confidence thresholds 0.0-0.9, speed).
# The dev set is reference material outside the product: nothing in the build or the tests needs it.
#
# Usage: scripts/evaluate-classifier.sh [--part heldback|tuning|all] [--errors] [DEV_JSONL]
#   default part: heldback (the rows kept for the final report, never used for training or rules)
#   --errors lists misclassified rows; only allowed with --part tuning
#   default DEV_JSONL: /work/shared/datasets/social-messages-dev.jsonl
# Environment: BUILD_DIR (default target), MAVEN_ARGS (extra mvn arguments, e.g. -o).
set -e
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-target}
mvn -B -q $MAVEN_ARGS -DbuildDir="$BUILD_DIR" -DskipTests process-test-resources
CP="$BUILD_DIR/classes:$(cat "$BUILD_DIR/test-classpath.txt")"
exec java -cp "$CP" dev.socialbridge.classify.train.EvaluateClassifier "$@"
