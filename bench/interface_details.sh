#!/bin/sh
# The interface_details table (an RTM_GETLINK dump, and each interface's
# sysfs speed) against "ip -s link", which dumps the same links with
# their counters.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM interface_details'

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
time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$QUERY'" "ip -s link" ||
    exit 1
h=$(median_ms "$tmp/t.json" 0)
n=$(median_ms "$tmp/t.json" 1)
echo "figure: interface_details hostql_median_ms=$h ip_median_ms=$n" \
    "ratio=$(ratio "$h" "$n") rows=$rows" \
    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "ip_min_ms=$(min_ms "$tmp/t.json" 1)"
peak_rss interface_details "$HOSTQL" --csv "$QUERY"
echo "figure: rss.interface_details ip_peak_kb=$(native_rss ip -s link)"
