#!/bin/sh
# A full disk under --logger_path (a small tmpfs; the state directory
# stays on the normal disk): hostqld keeps running with the same privd,
# worker and logger, says so on stderr and later in the status log,
# keeps running its queries; when space returns the logs resume ("written
# again"), the chain verifies, and the results of the runs made while
# the disk was full are all there: snapshot counters without a gap, and
# each differential change removing exactly what the one before added.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
cleanup() {
	daemon_kill
	umount "$LOGS" 2>/dev/null || umount -l "$LOGS" 2>/dev/null
	rm -rf "$D"
}
trap cleanup EXIT

mkdir "$LOGS"
mount -t tmpfs -o size=256k,mode=0750 hostql-test "$LOGS" ||
    fail "cannot mount a tmpfs on $LOGS"
cat >"$D/hostqld.conf" <<'CONF'
{
  "schedule": {
    "tick": {
      "query": "SELECT abs(random()) % 1000000 AS r",
      "interval": 1, "snapshot": true
    },
    "dice": {
      "query": "SELECT abs(random()) % 1000 AS r",
      "interval": 1
    }
  }
}
CONF
daemon_start "$D/hostqld.conf"
wait_for "$LOGS/hostqld.snapshots.log" '"counter":2,' 15 ||
    fail "no third snapshot: $(tail -5 "$D/stderr")"
wait_for "$RESULTS" '"name":"dice"' 15 || fail "no differential results"
worker=$(pid_of worker)
logger=$(pid_of logger)
[ -n "$worker" ] && [ -n "$logger" ] || fail "a child is missing"

# Fill the file system to the last page.
dd if=/dev/zero of="$LOGS/filler" bs=4k 2>/dev/null
dd if=/dev/zero of="$LOGS/filler2" bs=512 2>/dev/null
df -k "$LOGS" | awk 'NR == 2 && $4 != 0 { exit 1 }' ||
    fail "the tmpfs is not full: $(df -k "$LOGS")"
wait_for "$D/stderr" "cannot write the logs" 20 ||
    fail "no word of the full disk on stderr: $(tail -5 "$D/stderr")"
full_at=$(date +%s)
grep -q "cannot write the logs: No space left on device" "$D/stderr" ||
    fail "the full disk is not named: $(grep 'cannot write' "$D/stderr")"
# Said once, not once a second.
sleep 5
n=$(grep -c "cannot write the logs" "$D/stderr")
[ "$n" = 1 ] || fail "the full disk was reported $n times"
children_alive || fail "a process is gone while the disk is full"
expect_eq "privd" "$(cat "$D/pid")" "$DAEMON"
expect_eq "worker" "$(pid_of worker)" "$worker"
expect_eq "logger" "$(pid_of logger)" "$logger"

freed_at=$(date +%s)
rm -f "$LOGS/filler" "$LOGS/filler2"
wait_for "$STATUS" "written again" 20 ||
    fail "the logs did not resume: $(tail -5 "$D/stderr")"
grep -q "cannot write the logs" "$STATUS" ||
    fail "the status log does not say that the disk was full"
# Runs after the return of the space are written at once.
wait_until 15 logged_since tick "$((freed_at + 2))" \
    "$LOGS/hostqld.snapshots.log" ||
    fail "no snapshot after the disk has room again"
children_alive || fail "a process is gone after the disk has room again"
expect_eq "worker" "$(pid_of worker)" "$worker"
expect_eq "logger" "$(pid_of logger)" "$logger"
daemon_stop

verify_logs
expect_contains "verify" "$(cat "$D/verify")" "OK"
python3 - "$LOGS" "$full_at" "$freed_at" <<'PY' || fail "results lost"
import json, sys, collections
logs, full_at, freed_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
snaps = [json.loads(l) for l in open(logs + "/hostqld.snapshots.log")]
counters = [s["counter"] for s in snaps]
assert counters == list(range(len(snaps))), "snapshot counters %s" % counters
# The worker ran while nothing could be written, and those runs were
# logged once there was room.
during = [s for s in snaps if full_at <= s["unixTime"] < freed_at]
assert len(during) >= 3, "%d snapshots while full: %s" % (
    len(during), [s["unixTime"] for s in snaps])
# Differential lines: counters without a gap, and each change removes
# exactly the row the change before added.
runs = collections.OrderedDict()
for l in map(json.loads, open(logs + "/hostqld.results.log")):
    assert l["name"] == "dice", l
    runs.setdefault(l["counter"], {})[l["action"]] = l["columns"]["r"]
cs = list(runs)
assert cs == list(range(cs[0], cs[0] + len(cs))), "counters %s" % cs
assert len(cs) >= 6, "only %d changes" % len(cs)
for a, b in zip(cs, cs[1:]):
    assert runs[b].get("removed") == runs[a]["added"], \
        "counter %d removed %s, %d had added %s" % (
            b, runs[b].get("removed"), a, runs[a]["added"])
PY
echo "test_daemon_disk_full: ok"
