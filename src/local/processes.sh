# shellcheck shell=bash
# What every script that starts the gateway and its companions needs (bench/lib.sh, clients/node/run.sh): log lines
# tagged with $LOG_TAG, the processes it started (`started`), stopped by `stop_all` when it exits, failed or not,
# and free loopback ports. Sourced, not run.

started=()
used_ports=()

log() { printf '[%s %s] %s\n' "${LOG_TAG:-auditgate}" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

stop_all() {
  local pid
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    [[ " ${used_ports[*]} " == *" $port "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    used_ports+=("$port")
    echo "$port"
    return
  done
}
