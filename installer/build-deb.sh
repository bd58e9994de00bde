#!/usr/bin/env bash
# Builds a Debian package, installer/target/hearth_0.1.0_amd64.deb, from the app-image that
# build-app-image.sh makes (so the jlinked runtime is built once for both). It installs to /opt/hearth
# (bin/Hearth: the desktop window; with arguments, the CLI). jpackage needs fakeroot and dpkg-deb;
# as root this script installs fakeroot when it is missing.
# Usage: installer/build-deb.sh [--no-build]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/java-home.sh"
find_jdk25

for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null && continue
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fakeroot dpkg >&2
  else
    echo "Building the .deb needs $tool (e.g. sudo apt-get install fakeroot dpkg)." >&2
    exit 1
  fi
done

"$ROOT/installer/build-app-image.sh" "$@"

OUT="$ROOT/installer/target"
"$JAVA_HOME/bin/jpackage" \
  --type deb \
  --app-image "$OUT/Hearth" \
  --name Hearth \
  --linux-package-name hearth \
  --app-version 0.1.0 \
  --vendor "Hearth" \
  --description "Hearth: wallet, tokens, NFTs, DAO voting and a compute provider, on your own keys." \
  --linux-app-category utils \
  --install-dir /opt \
  --dest "$OUT"

echo "Debian package: $(ls "$OUT"/hearth_*.deb) (sudo dpkg -i it; then /opt/hearth/bin/Hearth)"
