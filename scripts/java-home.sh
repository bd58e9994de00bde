# Sourced by ./hearth and ./run-tests: exports JAVA_HOME pointing at a JDK 25 or newer.
java_feature_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

# The JDK's version from its `release` file (no JVM start: ./hearth runs this on every launch);
# empty when the file is missing.
release_version() {
  local line
  [ -f "$1/release" ] || return 0
  while IFS= read -r line; do
    case "$line" in JAVA_VERSION=*) line=${line#JAVA_VERSION=}; echo "${line//\"/}"; return 0 ;; esac
  done <"$1/release"
}

is_jdk25() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v
  v=$(release_version "$1")
  [ -n "$v" ] || v=$(java_feature_version "$1/bin/java")
  [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}

find_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then return 0; fi
  local javac_path
  javac_path=$(command -v javac 2>/dev/null || true)
  if [ -n "$javac_path" ]; then
    local home
    home=$(dirname "$(dirname "$(readlink -f "$javac_path")")")
    if is_jdk25 "$home"; then export JAVA_HOME="$home"; return 0; fi
  fi
  local d
  for d in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -d "$d" ] && is_jdk25 "$d"; then export JAVA_HOME="$d"; return 0; fi
  done
  echo "Hearth needs JDK 25 or newer. Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
  return 1
}

# For benchmarks: builds the app as ./hearth does (on a new commit), and also when tracked files have
# uncommitted changes, so a figure is never taken from a build older than the sources it is reported for.
build_for_bench() {
  local root=$1 rebuild=()
  if git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | grep -q .; then rebuild=(--rebuild); fi
  "$root/hearth" "${rebuild[@]}" --version >/dev/null
}
