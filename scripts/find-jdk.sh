# Sourced by ./hybridctl and ./build. Sets HYBRIDCTL_JDK to a JDK home whose java is version 21 or newer:
# JAVA_HOME if new enough, else the java on PATH, else the newest JDK under /usr/lib/jvm. Exits 2 when none exists.
hybridctl_java_major() {
  local v home
  # A JDK's `release` file names its version; reading it spares a JVM start (a tenth of a second per command).
  home="$(dirname "$(dirname "$1")")"
  v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)"$/\1/p' "$home/release" 2>/dev/null | head -n1)"
  [ -n "$v" ] || v="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
  case "$v" in 1.*) echo "${v#1.}" | cut -d. -f1 ;; "") echo 0 ;; *) echo "${v%%.*}" ;; esac
}
hybridctl_find_jdk() {
  local candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    if [ "$(hybridctl_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then HYBRIDCTL_JDK="$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
    if [ -x "$candidate/bin/java" ] && [ "$(hybridctl_java_major "$candidate/bin/java")" -ge 21 ]; then HYBRIDCTL_JDK="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(hybridctl_java_major "$candidate/bin/java")"
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ -n "$best" ]; then HYBRIDCTL_JDK="$best"; return 0; fi
  return 1
}
if ! hybridctl_find_jdk; then
  echo "hybridctl needs a JDK 21 or newer and found none (checked JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
  echo "Install one: on Debian 13 / Ubuntu 24.04 'sudo apt-get install openjdk-21-jdk-headless'; on Debian 12 a" >&2
  echo "Temurin 21+ JDK under /usr/lib/jvm; or set JAVA_HOME to any JDK >= 21." >&2
  exit 2
fi
