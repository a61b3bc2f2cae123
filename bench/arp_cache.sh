#!/bin/sh
# The arp_cache table (an RTM_GETNEIGH dump of IPv4 neighbours, with the
# interfaces' names from an RTM_GETLINK dump) against "ip neigh".
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM arp_cache'

if ! command -v ip >/dev/null 2>&1; then
	echo "bench: skipped: no ip (iproute2) here" >&2
	exit 0
fi
bench_start "$QUERY"
compare_tool arp_cache "$QUERY" ip "ip neigh"
