# Sourced by the operators' commands (./flowline-tokens and the like): flowline_run MAIN_CLASS ARGS... runs a class of
# Flowline's from the API function's package (it holds every adapter), on a JDK 21 or newer, in about a second.
# The package is built once when missing; after a change to the code, ./mvnw -DskipTests package builds it anew.

flowline_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

flowline_package() {
  ls "$flowline_root"/functions/api/target/flowline-api-*-lambda.jar 2>/dev/null | head -n1
}

flowline_java() {
  local candidate version
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ]; then echo "$candidate"; return; fi
  done
  echo "no JDK 21 or newer found (set JAVA_HOME)" >&2
  return 1
}

flowline_run() {
  local main=$1 package java
  shift
  package=$(flowline_package)
  if [ -z "$package" ]; then
    echo "Building the API function's package, once (a minute or two)..." >&2
    (cd "$flowline_root" && ./mvnw -q -pl functions/api -am -DskipTests package) >&2
    package=$(flowline_package)
    [ -n "$package" ] || { echo "the build left no package under functions/api/target" >&2; return 1; }
  fi
  java=$(flowline_java)
  exec "$java" -XX:TieredStopAtLevel=1 -cp "$package" "$main" "$@"
}
