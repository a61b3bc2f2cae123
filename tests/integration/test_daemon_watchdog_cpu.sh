#!/bin/sh
# The watchdog's CPU limit, applying at once (--watchdog_delay=0): a
# scheduled query that keeps a core busy, next to a harmless one.  After
# two checks over the limit (--watchdog_latency_limit=6) the breach is
# logged with its figures, the worker is killed and comes back, the
# query is denylisted and does not run again, and the harmless query goes
# on logging.
# The limit is set from the number of cores so that a busy core is far
# over it and an idle worker far under it: 3 s of CPU in each 3 s check
# against a budget of at most 0.6 s.  The memory limit is out of the way
# (sanitizer builds grow while they spin).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
trap 'daemon_kill; rm -rf "$D"' EXIT

cpu_pct=$((20 / $(nproc)))
[ $cpu_pct -ge 1 ] || cpu_pct=1

# spinner counts to a billion in constant memory (the 60 s deadline
# would end it long after the watchdog).
cat >"$D/hostqld.conf" <<'CONF'
{
  "schedule": {
    "harmless": {
      "query": "SELECT abs(random()) AS h",
      "interval": 1
    },
    "spinner": {
      "query": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) AS n FROM c",
      "interval": 1
    }
  }
}
CONF

# cpu_breach: a warning in the status log on the worker's CPU, with the
# limit in percent and a figure in ms.
cpu_breach() {
	python3 -c '
import json, re, sys
pct = int(sys.argv[2])
for l in map(json.loads, open(sys.argv[1])):
    m = l["message"]
    if l["severity"] < 1 or not re.search(r"watchdog.*worker.*CPU", m):
        continue
    ms = [int(x) for x in re.findall(r"(\d+) ms", m)]
    if re.search(r"\b%d ?%%" % pct, m) and any(x > 0 for x in ms):
        sys.exit(0)
sys.exit(1)' "$STATUS" "$cpu_pct"
}

daemon_start "$D/hostqld.conf" --watchdog_delay=0 \
    --watchdog_memory_limit=100000 --watchdog_utilization_limit=$cpu_pct \
    --watchdog_latency_limit=6
wait_for "$RESULTS" '"name":"harmless"' 15 ||
    fail "no results: $(tail -5 "$D/stderr")"
first=$(pid_of worker)

wait_for "$D/stderr" "watchdog: the worker" 30 ||
    fail "no breach: $(tail -5 "$D/stderr")"
grep -q "watchdog: the logger" "$D/stderr" &&
    fail "the logger breached: $(grep watchdog "$D/stderr")"
wait_until 10 cpu_breach ||
    fail "no status line with the figures: $(grep watchdog "$STATUS")"
wait_until 10 worker_replaced "$first" || fail "the worker did not come back"
second=$(pid_of worker)
wait_until 10 sh -c "grep denylist '$STATUS' | grep -q spinner" ||
    fail "spinner is not denylisted: $(grep -i denylist "$STATUS")"
t=$(date +%s)
wait_until 10 logged_since harmless "$((t + 1))" ||
    fail "harmless stopped logging after the breach"

# Denylisted, spinner stays off: no new breach, the same worker.
sleep 8
expect_eq "breaches" "$(grep -c 'watchdog: the' "$D/stderr")" 1
expect_eq "worker" "$(pid_of worker)" "$second"
children_alive || fail "a process is gone"
daemon_stop
verify_logs
grep -q '"name":"spinner"' "$RESULTS" && fail "spinner logged results"
echo "test_daemon_watchdog_cpu: ok"
