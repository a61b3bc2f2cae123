#!/bin/sh
# Configs, good and bad.  --config_check: status 0 on a good config, and
# on a bad one (bad JSON, interval 0, a query that is not a string, a
# missing file) a non-zero status with a message naming the file.  A
# running hostqld: SIGHUP with a bad config keeps the running schedule
# (its query goes on logging, none of the bad config's queries starts)
# and the status log names the file; SIGHUP with a good config that adds
# a query starts it; the worker reloads in place, it does not die on the
# way; SIGTERM exits 0 and removes the pidfile.
# The messages' wording is not checked: the file name is.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/daemon_lib.sh"
set -u
trap 'daemon_kill; rm -rf "$D"' EXIT

conf="$D/hostqld.conf"

# config_check FILE: hostqld --config_check on FILE; its status, and
# what it said in $D/check.
config_check() {
	timeout 30 "$HOSTQLD" --config_check --config_path "$1" \
	    --database_path "$D/check-state" --logger_path "$D/check-log" \
	    --pidfile "$D/check-pid" >"$D/check" 2>&1
}

# bad_config NAME FILE: --config_check refuses FILE, naming it.
bad_config() {
	config_check "$2"
	_rc=$?
	[ $_rc != 0 ] || fail "$1: --config_check accepts it: $(cat "$D/check")"
	[ $_rc != 124 ] || fail "$1: --config_check did not finish"
	grep -qF "$2" "$D/check" ||
	    fail "$1: the message does not name $2: $(cat "$D/check")"
}

# status_since N TEXT: a warning or error among the status lines after
# the first N names TEXT.
status_since() {
	tail -n "+$(($1 + 1))" "$STATUS" | python3 -c '
import json, sys
text = sys.argv[1]
sys.exit(0 if any(text in l["message"] and l["severity"] >= 1
                  for l in map(json.loads, sys.stdin)) else 1)' "$2"
}

# Every query changes at each run, so each run logs.
cat >"$D/good.conf" <<'CONF'
{
  "schedule": {
    "alpha": { "query": "SELECT abs(random()) AS a", "interval": 1 }
  }
}
CONF
printf '{ "schedule": { "alpha": { "query": "SELECT 1", \n' >"$D/json.conf"
cat >"$D/interval.conf" <<'CONF'
{
  "schedule": {
    "alpha": { "query": "SELECT abs(random()) AS a", "interval": 1 },
    "gamma": { "query": "SELECT abs(random()) AS g", "interval": 1 },
    "zero": { "query": "SELECT 1 AS z", "interval": 0 }
  }
}
CONF
cat >"$D/nostring.conf" <<'CONF'
{
  "schedule": {
    "alpha": { "query": "SELECT abs(random()) AS a", "interval": 1 },
    "gamma": { "query": "SELECT abs(random()) AS g", "interval": 1 },
    "number": { "query": 42, "interval": 1 }
  }
}
CONF
cat >"$D/more.conf" <<'CONF'
{
  "schedule": {
    "alpha": { "query": "SELECT abs(random()) AS a", "interval": 1 },
    "beta": { "query": "SELECT abs(random()) AS b", "interval": 1 }
  }
}
CONF

config_check "$D/good.conf" ||
    fail "--config_check refuses a good config: $(cat "$D/check")"
[ ! -e "$D/check-pid" ] || fail "--config_check wrote a pidfile"
bad_config "bad JSON" "$D/json.conf"
bad_config "interval 0" "$D/interval.conf"
bad_config "query not a string" "$D/nostring.conf"
bad_config "missing file" "$D/absent.conf"

cp "$D/good.conf" "$conf"
daemon_start "$conf"
wait_for "$RESULTS" '"name":"alpha"' 15 ||
    fail "alpha does not log: $(tail -5 "$D/stderr")"
worker=$(pid_of worker)

# Each bad config in turn: the status log names the file, alpha goes on,
# gamma (good, but in a bad config) never starts.
for bad in json interval nostring; do
	cp "$D/$bad.conf" "$conf"
	wait_for "$STATUS" '' 5
	n=$(wc -l <"$STATUS")
	hup=$(date +%s)
	kill -HUP "$DAEMON"
	wait_until 15 status_since "$n" "$conf" ||
	    fail "$bad: no status line names $conf: $(tail -n "+$((n + 1))" \
	    "$STATUS")"
	wait_until 15 logged_since alpha "$((hup + 3))" ||
	    fail "$bad: alpha stopped logging after the reload"
	children_alive || fail "$bad: a process is gone after the reload"
	expect_eq "$bad: the worker after the reload" "$(pid_of worker)" \
	    "$worker"
done
grep -q '"name":"gamma"' "$RESULTS" &&
    fail "a query of a refused config ran"

# A good config that adds beta: beta starts, alpha goes on.
cp "$D/more.conf" "$conf"
hup=$(date +%s)
kill -HUP "$DAEMON"
wait_for "$RESULTS" '"name":"beta"' 15 ||
    fail "beta does not log after the reload: $(tail -5 "$D/stderr")"
wait_until 15 logged_since alpha "$((hup + 3))" ||
    fail "alpha stopped logging after a good reload"
wait_until 15 logged_since beta "$((hup + 3))" ||
    fail "beta logged once only"
# The worker reloaded in place: it did not die (and come back with the
# new config) on the way.
expect_eq "the worker after the good reload" "$(pid_of worker)" "$worker"

daemon_stop
[ ! -e "$D/pid" ] || fail "the pidfile is left after SIGTERM"
verify_logs
# alpha's counters ran on through every reload: no restart from 0, no gap.
python3 -c '
import json, sys
cs = sorted({l["counter"] for l in map(json.loads, open(sys.argv[1]))
             if l["name"] == "alpha"})
assert cs == list(range(len(cs))), "alpha counters %s" % cs' "$RESULTS" ||
    fail "alpha's counters"
echo "test_daemon_config: ok"
