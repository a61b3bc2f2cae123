#!/bin/sh
# The watchdog's memory limit, applying at once (--watchdog_delay=0): a
# scheduled query that makes the worker grow by hundreds of MB, next to
# a harmless one.  The breach is logged with its figures (the growth and
# the limit), the worker is killed and comes back, the query it ran is
# denylisted -- it does not run again, not even after a reload -- and
# the daemon's own osquery_schedule says so; the harmless query goes on
# logging and the logs verify.  The denylist is kept in the state
# directory at once, and holds in a hostqld started again.  The CPU
# limit: test_daemon_watchdog_cpu.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
trap 'daemon_kill; rm -rf "$D"' EXIT

# greedy sorts eight million random blobs in memory: growing by some
# 60 MB/s to about 500 MB, then sorting for ten seconds or more (the
# 60 s deadline would end it).  It comes fourth, so that its first run,
# 4 s after the worker's start, follows the watchdog's first look at
# the worker (3 s after hostqld's start), which is the base its growth
# is measured from.
cat >"$D/hostqld.conf" <<'CONF'
{
  "schedule": {
    "harmless": {
      "query": "SELECT abs(random()) AS h",
      "interval": 1
    },
    "schedule": {
      "query": "SELECT name, denylisted FROM osquery_schedule WHERE name = 'greedy'",
      "interval": 1
    },
    "constant": {
      "query": "SELECT 1 AS one",
      "interval": 1
    },
    "greedy": {
      "query": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 8000000) SELECT count(*) AS n FROM (SELECT randomblob(16) AS b FROM c ORDER BY b)",
      "interval": 1
    }
  }
}
CONF

# memory_breach: a warning in the status log on the worker's memory,
# with the limit (30 MB) and a growth over it.
memory_breach() {
	python3 -c '
import json, re, sys
for l in map(json.loads, open(sys.argv[1])):
    m = l["message"]
    if l["severity"] < 1 or not re.search(r"watchdog.*worker.*memory", m):
        continue
    mb = [int(x) for x in re.findall(r"(\d+) MB", m)]
    if 30 in mb and any(x > 30 for x in mb):
        sys.exit(0)
sys.exit(1)' "$STATUS"
}

# schedule_denylisted: the daemon's own osquery_schedule logged greedy
# as denylisted.
schedule_denylisted() {
	python3 -c '
import json, sys
want = {"name": "greedy", "denylisted": "1"}
sys.exit(0 if any(l["name"] == "schedule" and l["action"] == "added" and
                  l["columns"] == want
                  for l in map(json.loads, open(sys.argv[1]))) else 1)' \
	    "$RESULTS"
}

breaches() {
	grep -c 'watchdog: the' "$D/stderr"
}

# status_since TIME PATTERN: a warning at TIME or later in the status log
# whose message matches PATTERN.
status_since() {
	python3 -c '
import json, re, sys
t, pat = int(sys.argv[2]), sys.argv[3]
sys.exit(0 if any(l["unixTime"] >= t and l["severity"] == 1 and
                  re.search(pat, l["message"])
                  for l in map(json.loads, open(sys.argv[1]))) else 1)' \
	    "$STATUS" "$1" "$2"
}

# schedule_again_says VALUE: the osquery_schedule query of the second
# hostqld logged greedy with denylisted VALUE.
schedule_again_says() {
	python3 -c '
import json, sys
want = {"name": "greedy", "denylisted": sys.argv[2]}
sys.exit(0 if any(l["name"] == "schedule_again" and
                  l["action"] == "added" and l["columns"] == want
                  for l in map(json.loads, open(sys.argv[1]))) else 1)' \
	    "$RESULTS" "$1"
}

daemon_start "$D/hostqld.conf" --watchdog_delay=0 \
    --watchdog_memory_limit=30
wait_for "$RESULTS" '"name":"harmless"' 15 ||
    fail "no results: $(tail -5 "$D/stderr")"
first=$(pid_of worker)

wait_for "$D/stderr" "watchdog: the worker" 30 ||
    fail "no breach: $(tail -5 "$D/stderr")"
grep -q "watchdog: the logger" "$D/stderr" &&
    fail "the logger breached: $(grep watchdog "$D/stderr")"
wait_until 10 memory_breach ||
    fail "no status line with the figures: $(grep watchdog "$STATUS")"
wait_until 10 worker_replaced "$first" || fail "the worker did not come back"
second=$(pid_of worker)
wait_until 10 sh -c "grep denylist '$STATUS' | grep -q greedy" ||
    fail "greedy is not denylisted: $(grep -i denylist "$STATUS")"
# On disk at once: root's file in the state directory, one line.
expect_eq "denylist file" "$(stat -c '%a %u' "$D/state/denylist")" \
    "600 $(id -u)"
expect_eq "denylist lines" "$(wc -l <"$D/state/denylist")" 1
ends=$(sed -n 's/^\([0-9]*\) greedy$/\1/p' "$D/state/denylist")
[ -n "$ends" ] && [ "$ends" -gt $(($(date +%s) + 86000)) ] &&
    [ "$ends" -le $(($(date +%s) + 86400)) ] ||
    fail "the denylist file says: $(cat "$D/state/denylist")"
t=$(date +%s)
wait_until 10 logged_since harmless "$((t + 1))" ||
    fail "harmless stopped logging after the breach"

# Denylisted, greedy stays off: no new breach, the same worker; a
# reload of the config changes nothing to that.
sleep 4
kill -HUP "$DAEMON"
t=$(date +%s)
wait_until 10 logged_since harmless "$((t + 2))" ||
    fail "harmless stopped logging after the reload"
sleep 6
expect_eq "breaches" "$(breaches)" 1
expect_eq "worker" "$(pid_of worker)" "$second"
children_alive || fail "a process is gone"
wait_until 10 schedule_denylisted || fail "osquery_schedule in the daemon \
does not show greedy denylisted; it logged: \
$(grep '"name":"schedule"' "$RESULTS")"
daemon_stop
verify_logs

# hostqld again, on the same state directory: greedy stays off for the
# rest of its day.  The config renames the osquery_schedule query, so
# that its first run logs greedy as this hostqld sees it.
sed 's/^    "schedule": {/    "schedule_again": {/' "$D/hostqld.conf" \
    >"$D/again.conf"
restart=$(date +%s)
daemon_start "$D/again.conf" --watchdog_delay=0 --watchdog_memory_limit=30
wait_until 10 status_since "$restart" "greedy stays denylisted" ||
    fail "no status line on greedy at the restart: $(grep -i denylist \
"$STATUS")"
wait_until 15 schedule_again_says 1 || fail "osquery_schedule in the \
restarted daemon does not show greedy denylisted; it logged: \
$(grep '"name":"schedule_again"' "$RESULTS")"
schedule_again_says 0 && fail "greedy was not denylisted from the start"
third=$(pid_of worker)
# Long enough for greedy to grow past the limit and for the watchdog to
# see it twice, were it to run.
wait_until 20 logged_since harmless "$((restart + 10))" ||
    fail "harmless does not log after the restart"
expect_eq "breaches after the restart" "$(breaches)" 1
expect_eq "worker after the restart" "$(pid_of worker)" "$third"
status_since "$restart" "watchdog: the" &&
    fail "the watchdog acted after the restart: $(grep watchdog "$STATUS")"
daemon_stop
verify_logs
# greedy never finished, so it never logged (its name in the columns of
# osquery_schedule's rows is another matter).
logged_since greedy 0 && fail "greedy logged results"
echo "test_daemon_watchdog: ok"
