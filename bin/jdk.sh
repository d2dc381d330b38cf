# Sourced by Scalpel's scripts: select_jdk exports JAVA_HOME pointing at a JDK 21 or newer, or explains what to install.

java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_jdk() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
             /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    if [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ]; then
      major="$(java_major "$dir" || true)"
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
        echo "$dir"
        return 0
      fi
    fi
  done
  return 1
}

select_jdk() {
  local found
  if ! found="$(find_jdk)"; then
    echo "scalpel: no JDK 21 or newer found (looked at JAVA_HOME, the javac on PATH and /usr/lib/jvm)." >&2
    echo "Install one, for example: sudo apt-get install openjdk-21-jdk-headless (Debian 13/Ubuntu 24.04)," >&2
    echo "brew install openjdk@21 (macOS), or Temurin 21 from adoptium.net; then set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
}
