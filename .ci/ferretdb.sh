#!/usr/bin/env bash
# The test MongoDB server: FerretDB 1.24 (MongoDB wire protocol on SQLite), built from the Go module
# proxy because this is the only internet the CI machines have.
#
#   bash .ci/ferretdb.sh build   build .ci/bin/ferretdb once (skipped when it exists and runs)
#   bash .ci/ferretdb.sh start   start it on 127.0.0.1:${FERRETDB_PORT:-27117} with a throwaway data dir;
#                                prints `export MONGODB_URI=mongodb://127.0.0.1:<port>/` (for eval)
#   bash .ci/ferretdb.sh stop    stop the server started by `start` and remove its data
#
# Progress goes to stderr so that `eval "$(bash .ci/ferretdb.sh start)"` sees only the export line.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FERRETDB_BIN:-$ROOT/.ci/bin/ferretdb}"
VERSION="v1.24.2"
MODULE="github.com/FerretDB/FerretDB"
PORT="${FERRETDB_PORT:-27117}"
RUN_DIR="${TMPDIR:-/tmp}/partner-link-ferretdb-$PORT"

log() { printf 'ferretdb.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

runs() { [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; }

build() {
  if runs; then
    log "already built: $BIN ($("$BIN" --version 2>&1 | head -n 1))"
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "Go is needed to build FerretDB (https://go.dev/dl/)."
  BUILD_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ferretbuild.XXXXXX")"
  # Files copied from the module cache are read-only; make them writable so that they can be removed.
  trap 'chmod -R u+w "$BUILD_TMP" 2>/dev/null || true; rm -rf "$BUILD_TMP"' EXIT
  local tmp="$BUILD_TMP"
  export GOTOOLCHAIN=local GOFLAGS=-mod=mod
  log "fetching $MODULE@$VERSION through the Go module proxy"
  # `go install pkg@version` asks the proxy for the module's version list (deprecation check), which the
  # proxy here refuses with 403; `go get` inside a scratch module does not.
  (cd "$tmp" && go mod init ferretbuild >/dev/null 2>&1 && go get "$MODULE/cmd/ferretdb@$VERSION" >&2)
  local src
  src="$(cd "$tmp" && go list -m -f '{{.Dir}}' "$MODULE")"
  # FerretDB refuses to start unless build/version/version.txt (normally written from `git describe`)
  # holds its version, and the module zip does not ship that file: build from a copy that has it.
  cp -R "$src" "$tmp/src"
  chmod -R u+w "$tmp/src"
  printf '%s\n' "$VERSION" >"$tmp/src/build/version/version.txt"
  printf 'partner-link-ci\n' >"$tmp/src/build/version/package.txt"
  log "building (a few minutes the first time; Go's caches make later builds fast)"
  mkdir -p "$(dirname "$BIN")"
  (cd "$tmp/src" && go build -buildvcs=false -trimpath -o "$BIN.partial" ./cmd/ferretdb >&2)
  mv -f "$BIN.partial" "$BIN"
  runs || die "the built binary does not run: $BIN"
  log "built $BIN ($("$BIN" --version 2>&1 | head -n 1))"
}

pid_alive() { [ -f "$RUN_DIR/pid" ] && kill -0 "$(cat "$RUN_DIR/pid")" 2>/dev/null; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  runs || die "no runnable FerretDB at $BIN; run: bash .ci/ferretdb.sh build"
  if pid_alive; then
    log "already running (pid $(cat "$RUN_DIR/pid"))"
  else
    if answers; then die "port $PORT is taken by another program; set FERRETDB_PORT to a free port"; fi
    rm -rf "$RUN_DIR"
    mkdir -p "$RUN_DIR/data"
    # Throwaway SQLite files, no telemetry, no debug HTTP listener (it would clash between instances).
    nohup "$BIN" --handler=sqlite --sqlite-url="file:$RUN_DIR/data/" \
      --listen-addr="127.0.0.1:$PORT" --state-dir="$RUN_DIR" --debug-addr=- \
      --telemetry=disable --log-level=warn >"$RUN_DIR/ferretdb.log" 2>&1 </dev/null &
    echo $! >"$RUN_DIR/pid"
    local waited=0
    until answers; do
      pid_alive || { cat "$RUN_DIR/ferretdb.log" >&2; die "FerretDB exited during start-up (log above)"; }
      [ "$waited" -ge 600 ] && die "FerretDB did not answer on 127.0.0.1:$PORT within 60 s (log: $RUN_DIR/ferretdb.log)"
      sleep 0.1
      waited=$((waited + 1))
    done
    log "started pid $(cat "$RUN_DIR/pid") on 127.0.0.1:$PORT, data in $RUN_DIR/data"
  fi
  printf 'export MONGODB_URI=mongodb://127.0.0.1:%s/\n' "$PORT"
}

stop() {
  if pid_alive; then
    local pid
    pid="$(cat "$RUN_DIR/pid")"
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "stopped pid $pid"
  else
    log "not running"
  fi
  rm -rf "$RUN_DIR"
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  *) die "usage: bash .ci/ferretdb.sh build|start|stop" ;;
esac
