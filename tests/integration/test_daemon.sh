#!/bin/sh
# hostqld end to end: on a 1 s schedule, a process and a listener that
# come and go give "added" then "removed" lines in osquery's format, with
# counter 0 for the first set and +1 per change; snapshots log the whole
# set each run; the pidfile refuses a second daemon; the logs verify.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
trap 'kill $sleeper $listener 2>/dev/null; daemon_cleanup' EXIT

mark="hqd$$"
cp "$(command -v sleep)" "$D/$mark"
cat >"$D/hostqld.conf" <<CONF
{
  // osquery's format, comments included
  "schedule": {
    "marked": {
      "query": "SELECT pid, name FROM processes WHERE name = '$mark'",
      "interval": 1
    },
    "ports": {
      "query": "SELECT port FROM listening_ports WHERE port = 47123",
      "interval": 1
    },
    "kernel": {
      "query": "SELECT version FROM kernel_info",
      "interval": 1, "snapshot": true
    }
  }
}
CONF
daemon_start "$D/hostqld.conf"

# A second daemon on the same pidfile is refused, naming the first.
"$HOSTQLD" --config_path "$D/hostqld.conf" --database_path "$D/state2" \
    --logger_path "$D/log2" --pidfile "$D/pid" >"$D/second" 2>&1 &&
    fail "a second hostqld started"
expect_contains "second daemon" "$(cat "$D/second")" \
    "another hostqld is running (pid $DAEMON"

"$D/$mark" 60 &
sleeper=$!
python3 -c 'import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 47123)); s.listen(); time.sleep(60)' &
listener=$!
wait_for "$RESULTS" "\"pid\":\"$sleeper\",\"name\":\"$mark\"},\"action\":\"added\"" ||
    fail "no added line for the process: $(cat "$RESULTS")"
wait_for "$RESULTS" '"port":"47123"},"action":"added"' ||
    fail "no added line for the listener"
kill $sleeper $listener
wait $sleeper $listener 2>/dev/null
wait_for "$RESULTS" "\"pid\":\"$sleeper\",\"name\":\"$mark\"},\"action\":\"removed\"" ||
    fail "no removed line for the process"
wait_for "$RESULTS" '"port":"47123"},"action":"removed"' ||
    fail "no removed line for the listener"
wait_for "$LOGS/hostqld.snapshots.log" '"counter":1,' ||
    fail "no second snapshot"
daemon_stop

# The lines carry osquery's fields, and the process query's counter is
# 0 when its first set held the process (1 when that set was empty), and
# one more when it went.
python3 - "$RESULTS" "$mark" "$sleeper" <<'PY' || fail "result lines"
import json, sys
path, mark, pid = sys.argv[1:]
lines = [json.loads(l) for l in open(path)]
need = ["name", "hostIdentifier", "calendarTime", "unixTime", "epoch",
        "counter", "numerics", "columns", "action"]
for l in lines:
    missing = [k for k in need if k not in l]
    assert not missing, "missing %s in %s" % (missing, l)
    assert isinstance(l["unixTime"], int) and l["epoch"] == 0
    assert all(isinstance(v, str) for v in l["columns"].values())
marked = [(l["counter"], l["action"]) for l in lines
          if l["name"] == "marked" and l["columns"]["pid"] == pid]
c = marked[0][0] if marked else -1
assert c in (0, 1) and marked == [(c, "added"), (c + 1, "removed")], marked
PY
python3 - "$LOGS/hostqld.snapshots.log" <<'PY' || fail "snapshot lines"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) >= 2, lines
for l in lines:
    assert l["action"] == "snapshot" and l["name"] == "kernel"
    assert len(l["snapshot"]) == 1 and "version" in l["snapshot"][0]
PY
verify_logs
expect_contains "verify" "$(cat "$D/verify")" "OK: every line verifies"
echo "test_daemon: ok"
