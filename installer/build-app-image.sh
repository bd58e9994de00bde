#!/usr/bin/env bash
# Builds a self-contained Hearth app-image for Linux with jpackage: a private Java runtime, the app,
# JavaFX (on the module path) and the anvil binary. Result: installer/target/Hearth/bin/Hearth
# (desktop window; pass CLI arguments to it as to ./hearth). The runtime keeps its java binary (no
# --strip-native-commands): the compute worker runs as a child JVM of that runtime.
# Usage: installer/build-app-image.sh [--no-build]   (--no-build: use what is in */target, e.g. from a Maven test)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

cd "$ROOT"
if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -q -B package -DskipTests   # the package only; ./run-tests runs the tests
fi

OUT="$ROOT/installer/target"
INPUT="$OUT/input"
rm -rf "$OUT"
mkdir -p "$INPUT/javafx" "$INPUT/anvil"
cp app/target/hearth-app.jar app/target/lib/*.jar "$INPUT/"
cp app/target/javafx/*.jar "$INPUT/javafx/"
cp resources/target/anvil/anvil "$INPUT/anvil/anvil"
chmod 755 "$INPUT/anvil/anvil"

"$JAVA_HOME/bin/jpackage" \
  --type app-image \
  --name Hearth \
  --app-version 0.1.0 \
  --vendor "Hearth" \
  --input "$INPUT" \
  --main-jar hearth-app.jar \
  --main-class org.hearth.app.Main \
  --java-options '--enable-native-access=ALL-UNNAMED' \
  --java-options '--module-path $APPDIR/javafx' \
  --java-options '--add-modules javafx.controls,javafx.swing,jdk.incubator.vector' \
  --java-options '-Dhearth.anvil=$APPDIR/anvil/anvil' \
  --jlink-options '--strip-debug --no-man-pages --no-header-files' \
  --dest "$OUT"

echo "App image: $OUT/Hearth (run $OUT/Hearth/bin/Hearth)"
