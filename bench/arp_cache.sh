#!/bin/sh
# The arp_cache table (an RTM_GETNEIGH dump of IPv4 neighbours, with the
# interfaces' names from an RTM_GETLINK dump) against "ip neigh".
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM arp_cache'

hostql_ready || exit 1
if ! command -v ip >/dev/null 2>&1; then
	echo "bench: skipped: no ip (iproute2) here" >&2
	exit 0
fi
query_works "$QUERY" || exit 1
tmp=$(bench_tmpdir) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

rows=$("$HOSTQL" --csv --noheader "$QUERY" | wc -l)
time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$QUERY'" "ip neigh" ||
    exit 1
h=$(median_ms "$tmp/t.json" 0)
n=$(median_ms "$tmp/t.json" 1)
echo "figure: arp_cache hostql_median_ms=$h ip_median_ms=$n" \
    "ratio=$(ratio "$h" "$n") rows=$rows" \
    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "ip_min_ms=$(min_ms "$tmp/t.json" 1)"
peak_rss arp_cache "$HOSTQL" --csv "$QUERY"
echo "figure: rss.arp_cache ip_peak_kb=$(native_rss ip neigh)"
