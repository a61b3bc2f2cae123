#!/bin/sh
# The interface_details table (an RTM_GETLINK dump, and each interface's
# sysfs speed) against "ip -s link", which dumps the same links with
# their counters.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM interface_details'

if ! command -v ip >/dev/null 2>&1; then
	echo "bench: skipped: no ip (iproute2) here" >&2
	exit 0
fi
bench_start "$QUERY"
compare_tool interface_details "$QUERY" ip "ip -s link"
