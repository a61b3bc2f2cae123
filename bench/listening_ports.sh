#!/bin/sh
# Figure 3: the listening_ports table (a sock_diag dump by privd, the
# owners found through /proc/<pid>/fd) against ss listing listening TCP
# and UDP sockets with their processes.
. "$(dirname "$0")/lib.sh"

QUERY='SELECT * FROM listening_ports'

hostql_ready || exit 1
query_works "$QUERY" || exit 1
tmp=$(bench_tmpdir) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

rows=$("$HOSTQL" --csv --noheader "$QUERY" | wc -l)
time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$QUERY'" "ss -ltnup" ||
    exit 1
h=$(median_ms "$tmp/t.json" 0)
s=$(median_ms "$tmp/t.json" 1)
echo "figure: listening_ports hostql_median_ms=$h ss_median_ms=$s" \
    "ratio=$(ratio "$h" "$s") rows=$rows" \
    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
    "ss_min_ms=$(min_ms "$tmp/t.json" 1)"
peak_rss listening_ports "$HOSTQL" --csv "$QUERY"
echo "figure: rss.listening_ports ss_peak_kb=$(native_rss ss -ltnup)"
