#!/bin/sh
# The deb_packages table (dpkg's status file read through a descriptor,
# a stanza at a time) against dpkg-query -W, which reads the same file;
# also dpkg-query printing every column the table has, for scale.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM deb_packages'
FULL='${Package}\t${Version}\t${Source}\t${Installed-Size}\t${Architecture}\t${Status}\t${Maintainer}\t${Section}\t${Priority}\n'

bench_start "$QUERY"
command -v dpkg-query > /dev/null || {
	echo "bench: skipped: no dpkg-query" >&2
	exit 1
}

rows=$("$HOSTQL" --csv --noheader "$QUERY" | wc -l)
time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$QUERY'" \
    "dpkg-query -W" "dpkg-query -W -f '$FULL'" || exit 1
h=$(median_ms "$tmp/t.json" 0)
d=$(median_ms "$tmp/t.json" 1)
f=$(median_ms "$tmp/t.json" 2)
echo "figure: deb_packages hostql_median_ms=$h dpkg_query_median_ms=$d" \
    "dpkg_query_all_columns_median_ms=$f ratio=$(ratio "$h" "$d")" \
    "rows=$rows hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "dpkg_query_min_ms=$(min_ms "$tmp/t.json" 1) target_ratio=1.00"
peak_rss deb_packages "$HOSTQL" --csv "$QUERY"
echo "figure: rss.deb_packages dpkg_query_peak_kb=$(native_rss dpkg-query -W)"
