# Helpers for the daemon's integration scripts; sourced after lib.sh.
# daemon_start CONFIG [FLAGS...] starts hostqld in the foreground with
# its state, logs and pidfile under $D (a fresh folder), in the
# background; daemon_stop stops it and checks that it stopped cleanly.
HOSTQLD="$ROOT/$BUILD/hostqld"
D=$(mktemp -d "${TESTDIR:-/var/tmp}/hostqld.XXXXXX") || exit 1
LOGS="$D/log"
RESULTS="$LOGS/hostqld.results.log"
STATUS="$LOGS/hostqld.status.log"

daemon_start() {
	_conf=$1
	shift
	"$HOSTQLD" --config_path "$_conf" --database_path "$D/state" \
	    --logger_path "$LOGS" --pidfile "$D/pid" --schedule_splay_percent 0 \
	    "$@" >>"$D/stderr" 2>&1 &
	DAEMON=$!
	_i=0
	while [ ! -s "$D/pid" ] && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	[ -s "$D/pid" ] || fail "hostqld did not start: $(cat "$D/stderr")"
}

daemon_stop() {
	kill -TERM "$DAEMON" 2>/dev/null
	wait "$DAEMON"
	_rc=$?
	[ "$_rc" = 0 ] || fail "hostqld exited with $_rc: $(tail -5 "$D/stderr")"
}

# pid_of ROLE: the pid of hostqld's worker or logger.
pid_of() {
	pgrep -P "$DAEMON" -x "hostql-$1" | head -1
}

# wait_for FILE PATTERN [SECONDS]: until grep finds PATTERN in FILE.
wait_for() {
	_i=0
	while ! grep -q -- "$2" "$1" 2>/dev/null; do
		[ $_i -ge $((${3:-10} * 10)) ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
	return 0
}

# verify_logs: hostql verify says every line verifies.
verify_logs() {
	"$HOSTQL" verify --database_path "$D/state" "$LOGS" >"$D/verify" 2>&1 ||
	    fail "hostql verify: $(cat "$D/verify")"
}

daemon_cleanup() {
	kill -KILL "$DAEMON" 2>/dev/null
	rm -rf "$D"
}

# wait_until SECONDS COMMAND...: until COMMAND succeeds, polled every
# 0.2 s; fails after SECONDS (of the clock: COMMAND may be slow).
wait_until() {
	_end=$(($(date +%s) + $1))
	shift
	while ! "$@" 2>/dev/null; do
		[ "$(date +%s)" -ge $_end ] && return 1
		sleep 0.2
	done
	return 0
}

# children_alive: privd, its worker and its logger all run.
children_alive() {
	kill -0 "$DAEMON" 2>/dev/null && [ -n "$(pid_of worker)" ] &&
	    [ -n "$(pid_of logger)" ]
}

# daemon_kill: kill -9 privd and its children and wait until all are
# gone (nothing then holds a file under $D open).
daemon_kill() {
	[ -n "${DAEMON:-}" ] || return 0
	_kids=$(pgrep -P "$DAEMON" 2>/dev/null)
	kill -KILL "$DAEMON" $_kids 2>/dev/null
	wait "$DAEMON" 2>/dev/null
	for _p in $_kids; do
		wait_until 5 sh -c "! kill -0 $_p" || true
	done
}

# logged_since NAME TIME [FILE]: query NAME has a line at TIME or later
# in FILE (the results log by default).
logged_since() {
	python3 -c '
import json, sys
name, t = sys.argv[1], int(sys.argv[2])
sys.exit(0 if any(l.get("name") == name and l["unixTime"] >= t
                  for l in map(json.loads, open(sys.argv[3]))) else 1)' \
	    "$1" "$2" "${3:-$RESULTS}"
}

# worker_replaced PID: a worker runs, and it is not PID.
worker_replaced() {
	_w=$(pid_of worker)
	[ -n "$_w" ] && [ "$_w" != "$1" ]
}
