#!/bin/sh
# kill -9 of the worker and of the logger, over and over while queries
# run and results change (the queries opt out of the denylist a worker's
# death while they run would put them on): both come back, and afterwards the chain
# verifies, every query's counters run without a gap, and no line is
# logged twice.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
trap 'pkill -f "$D/hqc" 2>/dev/null; daemon_cleanup' EXIT

cp "$(command -v sleep)" "$D/hqc$$"
cat >"$D/hostqld.conf" <<CONF
{
  "schedule": {
    "marked": {
      "query": "SELECT pid FROM processes WHERE name = 'hqc$$'",
      "interval": 1, "denylist": false
    },
    "all": {
      "query": "SELECT pid, name FROM processes WHERE name NOT LIKE 'hostql%'",
      "interval": 1, "denylist": false
    }
  }
}
CONF
daemon_start "$D/hostqld.conf"
wait_for "$RESULTS" '"name":"all"' || fail "no first results"

kills=0
for round in 1 2 3 4 5 6 7 8; do
	"$D/hqc$$" 30 &
	w=$(pid_of worker)
	[ -n "$w" ] || fail "round $round: no worker running"
	kill -KILL "$w"
	sleep 0.7
	l=$(pid_of logger)
	[ -n "$l" ] || fail "round $round: no logger running"
	kill -KILL "$l"
	kills=$((kills + 2))
	sleep 0.7
done
# The last process started just before the last kills: give the
# restarted worker its first runs before it goes.
wait_for "$RESULTS" "\"pid\":\"$!\"},\"action\":\"added\"" 15 ||
    fail "the last process was never logged"
pkill -f "$D/hqc$$"
# Both are back and the last change is logged.
sleep 3
[ -n "$(pid_of worker)" ] && [ -n "$(pid_of logger)" ] ||
    fail "a child did not come back"
daemon_stop
grep -c 'is gone; starting it again' "$D/stderr" >"$D/restarts"
[ "$(cat "$D/restarts")" -ge "$kills" ] ||
    fail "$(cat "$D/restarts") restarts for $kills kills"

verify_logs
python3 - "$RESULTS" <<'PY' || fail "counters or duplicates"
import json, sys, collections
lines = [json.loads(l) for l in open(sys.argv[1])]
seen = set()
counters = collections.defaultdict(set)
for l in lines:
    key = (l["name"], l["counter"], l["action"],
           json.dumps(l["columns"], sort_keys=True))
    assert key not in seen, "logged twice: %s" % (key,)
    seen.add(key)
    counters[l["name"]].add(l["counter"])
for name, cs in counters.items():
    want = set(range(min(cs), max(cs) + 1))
    assert cs == want, "%s: counters %s have gaps" % (name, sorted(cs))
PY
# Every set the worker ran between the kills was logged: each of the
# eight marked processes has its added line.
n=$(grep -c '"name":"marked".*"action":"added"' "$RESULTS")
[ "$n" -ge 8 ] || fail "only $n added lines for 8 processes"
echo "test_daemon_crash: ok"
