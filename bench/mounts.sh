#!/bin/sh
# The mounts table (/proc/mounts, a statfs per mount point through privd,
# device symlinks resolved) against findmnt listing the same mounts with
# their sizes, which it gets the same way.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM mounts'
NATIVE='findmnt -l -o SOURCE,TARGET,FSTYPE,OPTIONS,SIZE,AVAIL,USED'

bench_start "$QUERY"

rows=$("$HOSTQL" --csv --noheader "$QUERY" | wc -l)
time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$QUERY'" "$NATIVE" \
    "findmnt -l" || exit 1
h=$(median_ms "$tmp/t.json" 0)
f=$(median_ms "$tmp/t.json" 1)
l=$(median_ms "$tmp/t.json" 2)
echo "figure: mounts hostql_median_ms=$h findmnt_sizes_median_ms=$f" \
    "findmnt_l_median_ms=$l ratio=$(ratio "$h" "$l") rows=$rows" \
    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "findmnt_l_min_ms=$(min_ms "$tmp/t.json" 2)"
peak_rss mounts "$HOSTQL" --csv "$QUERY"
echo "figure: rss.mounts findmnt_peak_kb=$(native_rss findmnt -l)"
