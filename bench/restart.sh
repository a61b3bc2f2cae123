#!/bin/sh
# Figure: how soon a killed worker serves again.  hostqld runs a 1 s
# schedule; RESTARTS (default 20) times the worker is killed with SIGKILL
# while idle and the time is taken to its successor's being ready to run
# a query: in its schedule loop with the config read and the logger's
# channel taken (see restart_time.py for how that is seen from /proc).
# Prints the median and the largest of the runs, and how many restarts
# the status log tells of; afterwards the logs must verify.
. "$(dirname "$0")/lib.sh"
. "$BENCH/daemon_lib.sh"

RESTARTS=${RESTARTS:-20}

daemon_ready || exit 1
tmp=$(mktemp -d /var/tmp/hostql-bench-restart.XXXXXX) || exit 1
trap 'daemon_stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

cat > "$tmp/hostqld.conf" <<'CONF'
{
  "schedule": {
    "clock": { "query": "SELECT unix_time FROM time;", "interval": 1 },
    "workers": {
      "query": "SELECT pid FROM processes WHERE name = 'hostql-worker';",
      "interval": 1
    }
  }
}
CONF
daemon_start "$tmp/hostqld.conf" --schedule_splay_percent 0 || exit 1
echo "bench: $RESTARTS kills of the worker (load average" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg))" >&2
out=$(python3 "$BENCH/restart_time.py" "$DAEMON" "$RESTARTS") || exit 1
# The new worker's first runs, in the logs, before the daemon stops.
sleep 3
daemon_stop
restarts=$(grep -c 'is gone; starting it again' "$tmp/log/hostqld.status.log")
if ! "$HOSTQL" verify --database_path "$tmp/state" "$tmp/log" \
    > "$tmp/verify" 2>&1; then
	echo "bench: hostql verify failed after the restarts:" >&2
	cat "$tmp/verify" >&2
	exit 1
fi
echo "$out" | awk -v logged="$restarts" '{
	for (i = 1; i <= NF; i++) {
		split($i, kv, "=")
		f[kv[1]] = kv[2]
	}
	printf "figure: worker_restart ready_median_ms=%s ready_max_ms=%s" \
	    " target_ms=200 spawned_median_ms=%s spawned_max_ms=%s" \
	    " runs=%s restarts_logged=%s\n", f["ready_median_ms"],
	    f["ready_max_ms"], f["spawned_median_ms"], f["spawned_max_ms"],
	    f["runs"], logged
}'
