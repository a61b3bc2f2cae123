#!/bin/sh
# make run: hostqld in the foreground with its built-in configuration,
# its state and logs under DIR, every line it logs on the terminal too;
# ^C stops it cleanly, and then the logs are verified, so that the one
# command shows signed differential results and their checking.
#
#   sh packaging/make-run.sh BUILD DIR      (make run: build run)
#
# The terminal's ^C reaches hostqld (privd), which stops its children in
# order, and this script, which only waits for that and then runs
# hostql verify.  HOSTQLD_CONF names a configuration file to run instead
# of the built-in one.
set -u

build=${1:-build}
dir=${2:-run}
conf=${HOSTQLD_CONF:-}

if [ "$(id -u)" != 0 ]; then
	echo "make run: hostqld runs as root (its children drop to their" \
	    "own users): sudo make run" >&2
	exit 1
fi
mkdir -p "$dir" || exit 1
dir=$(cd "$dir" && pwd) || exit 1
if [ -n "$conf" ]; then
	conf=$(realpath "$conf") || exit 1
fi

"$build/hostqld" --config_path="$conf" --database_path "$dir/state" \
    --logger_path "$dir/log" --pidfile "$dir/hostqld.pid" \
    --logger_plugin filesystem,stdout &
daemon=$!
# hostqld has the terminal's ^C too; a TERM from elsewhere is passed on.
trap 'kill -TERM "$daemon" 2> /dev/null' TERM HUP
trap ':' INT

wait "$daemon"
status=$?
# A trapped signal ends the wait early: wait for the stop itself.
while kill -0 "$daemon" 2> /dev/null; do
	wait "$daemon"
	status=$?
done
trap - INT TERM HUP
echo "make run: hostqld exited with status $status; its logs, in" \
    "$dir/log:" >&2
"$build/hostql" verify --database_path "$dir/state" "$dir/log"
verified=$?
echo "make run: they verify with the public key" \
    "$(cat "$dir/state/signing.pub" 2> /dev/null)" >&2
[ "$status" = 0 ] && exit $verified
exit "$status"
