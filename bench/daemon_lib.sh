# Helpers of the daemon's benchmarks (daemon_rss.sh, restart.sh); sourced
# after lib.sh, with $tmp a private directory the caller removes.
#
# bench_config prints the path of the default config,
# packaging/hostqld.default.conf, once hostqld --config_check took it.
# daemon_start CONFIG [FLAGS...] starts hostqld in the foreground, in the
# background of this shell, with its state, logs and pidfile under $tmp;
# DAEMON is then privd's pid.  daemon_stop stops it with SIGTERM.

HOSTQLD=${HOSTQLD:-$BUILD/hostqld}
DEFAULT_CONF=${DEFAULT_CONF:-$BENCH/../packaging/hostqld.default.conf}
DAEMON=

daemon_ready()
{
	if [ ! -x "$HOSTQLD" ]; then
		echo "bench: $HOSTQLD not found: run make first" >&2
		return 1
	fi
	if [ "$(id -u)" != 0 ]; then
		echo "bench: hostqld runs as root (its children drop to their" \
		    "own users)" >&2
		return 1
	fi
	return 0
}

config_ok()
{
	"$HOSTQLD" --config_path "$1" --database_path "$tmp/check" \
	    --logger_path "$tmp/check" --config_check > "$tmp/check.out" 2>&1
}

bench_config()
{
	_conf=$(realpath "$DEFAULT_CONF") || return 1
	if ! config_ok "$_conf"; then
		echo "bench: hostqld refuses $_conf: $(cat "$tmp/check.out")" >&2
		return 1
	fi
	echo "$_conf"
}

daemon_start()
{
	_conf=$1
	shift
	rm -f "$tmp/pid"
	"$HOSTQLD" --config_path "$_conf" --database_path "$tmp/state" \
	    --logger_path "$tmp/log" --pidfile "$tmp/pid" "$@" \
	    >> "$tmp/stderr" 2>&1 &
	DAEMON=$!
	_i=0
	while [ ! -s "$tmp/pid" ] && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	if [ ! -s "$tmp/pid" ]; then
		echo "bench: hostqld did not start: $(cat "$tmp/stderr")" >&2
		return 1
	fi
	return 0
}

daemon_stop()
{
	[ -n "$DAEMON" ] || return 0
	kill -TERM "$DAEMON" 2> /dev/null
	wait "$DAEMON" 2> /dev/null
	DAEMON=
}
