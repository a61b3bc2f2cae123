#!/bin/sh
# Figure: result lines per second the logger diffs, chains, signs and
# durably stores.  logger_feed.c (built here from the build's objects)
# plays privd and the worker for the real, sandboxed hostql-logger: it
# sends RUNS (default 4) result sets of ROWS (default 100000) rows that
# all change from one run to the next, each after the previous one was
# acknowledged, then stops the logger; the clock runs from the first
# message sent to the logger's exit, once every line is in the log files
# and synced.  The first run logs ROWS lines, each later one 2 x ROWS
# (removed, then added): 700,000 lines by default.  The logs are then
# checked with hostql verify, so that what was timed is what was meant.
# Needs root (the logger runs as its own user) and a C compiler.
. "$(dirname "$0")/lib.sh"

ROWS=${ROWS:-100000}
LOGGER_RUNS=${LOGGER_RUNS:-4}
LOGGER=${LOGGER:-$BUILD/hostql-logger}

hostql_ready || exit 1
if [ ! -x "$LOGGER" ] || [ ! -f "$BUILD/ipc/chan.o" ]; then
	echo "bench: $LOGGER or its objects not found: run make first" >&2
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "bench: logger_throughput needs root: the logger drops to" \
	    "its own user" >&2
	exit 1
fi
# The logs go to the disk a deployment would use, not to a tmpfs.
tmp=$(mktemp -d /var/tmp/hostql-bench-logger.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2046 # the libraries' flags, one word each
${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$tmp/logger_feed" \
    "$BENCH/logger_feed.c" "$BUILD"/ipc/*.o "$BUILD"/sandbox/*.o \
    $(pkg-config --libs libsodium libseccomp) || exit 1
echo "bench: $LOGGER_RUNS runs of $ROWS rows into $tmp/log" \
    "(load average $(cut -d ' ' -f 1-3 /proc/loadavg))" >&2
"$tmp/logger_feed" "$LOGGER" "$tmp/state" "$tmp/log" "$ROWS" \
    "$LOGGER_RUNS" || exit 1
if "$HOSTQL" verify --database_path "$tmp/state" "$tmp/log" \
    > "$tmp/verify" 2>&1; then
	echo "bench: hostql verify: $(tail -n 1 "$tmp/verify")" >&2
else
	echo "bench: hostql verify failed on the logger's output:" >&2
	cat "$tmp/verify" >&2
	exit 1
fi
