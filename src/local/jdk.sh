# shellcheck shell=bash
# Picks the JDK (>= 21) that AuditGate's scripts build and run with; sourced by .ci/run, src/local/run-local.sh and
# bench/lib.sh, never run. Payara Micro 7 and the release-21 class files need Java 21 or newer.
# Choice, first match: $JAVA_HOME if it is >= 21; the `java` on PATH if it is >= 21; the newest JDK >= 21 under
# ${AUDITGATE_JDK_DIRS:-/usr/lib/jvm /usr/lib64/jvm /opt/java}. It exports JAVA_HOME (Maven runs on it) and puts its
# bin first on PATH (every `java` the scripts start), or says what to install and returns 1.
# Usage: source src/local/jdk.sh || exit 1

AUDITGATE_MIN_JDK=21

# The feature release (17, 21, 25, ...) of the JDK at $1, or nothing when $1 is not a JDK.
jdk_feature() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] || return 0
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p')
  fi
  echo "$version"
}

# Prints the home of the JDK to use, or nothing.
jdk_choose() {
  local home feature best="" best_feature=0 on_path
  if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_feature "$JAVA_HOME")" -ge "$AUDITGATE_MIN_JDK" ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  if on_path=$(command -v java 2>/dev/null); then
    home=$(dirname "$(dirname "$(readlink -f "$on_path")")")
    if [ "$(jdk_feature "$home")" -ge "$AUDITGATE_MIN_JDK" ] 2>/dev/null; then echo "$home"; return 0; fi
  fi
  local dir
  for dir in ${AUDITGATE_JDK_DIRS:-/usr/lib/jvm /usr/lib64/jvm /opt/java}; do
    for home in "$dir"/*; do
      [ -d "$home" ] || continue
      feature=$(jdk_feature "$home")
      if [ -n "$feature" ] && [ "$feature" -ge "$AUDITGATE_MIN_JDK" ] && [ "$feature" -gt "$best_feature" ]; then
        best=$home best_feature=$feature
      fi
    done
  done
  echo "$best"
}

jdk_home=$(jdk_choose)
if [ -z "$jdk_home" ]; then
  echo "AuditGate needs JDK ${AUDITGATE_MIN_JDK} or newer (Payara Micro 7); found none: JAVA_HOME=${JAVA_HOME:-unset}," \
    "java on PATH is $(java -version 2>&1 | head -1 || echo absent), nothing >= ${AUDITGATE_MIN_JDK} under" \
    "${AUDITGATE_JDK_DIRS:-/usr/lib/jvm /usr/lib64/jvm /opt/java}. Install one (Debian: apt-get install openjdk-21-jdk-headless)" \
    "or set JAVA_HOME to it." >&2
  unset jdk_home
  return 1
fi
export JAVA_HOME=$jdk_home
export PATH="$JAVA_HOME/bin:$PATH"
unset jdk_home
