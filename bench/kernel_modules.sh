#!/bin/sh
# The kernel_modules table (/proc/modules read by privd) against lsmod.
# A kernel without loadable modules has nothing to time: skipped.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM kernel_modules'

hostql_ready || exit 1
if [ ! -e /proc/modules ] || ! command -v lsmod >/dev/null 2>&1; then
	echo "bench: skipped: no /proc/modules or no lsmod here" >&2
	exit 0
fi
query_works "$QUERY" || exit 1
tmp=$(bench_tmpdir) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

rows=$("$HOSTQL" --csv --noheader "$QUERY" | wc -l)
time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$QUERY'" lsmod ||
    exit 1
h=$(median_ms "$tmp/t.json" 0)
n=$(median_ms "$tmp/t.json" 1)
echo "figure: kernel_modules hostql_median_ms=$h lsmod_median_ms=$n" \
    "ratio=$(ratio "$h" "$n") rows=$rows" \
    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "lsmod_min_ms=$(min_ms "$tmp/t.json" 1)"
peak_rss kernel_modules "$HOSTQL" --csv "$QUERY"
echo "figure: rss.kernel_modules lsmod_peak_kb=$(native_rss lsmod)"
