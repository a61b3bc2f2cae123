#!/bin/sh
# Figure 1: the cost of one hostql invocation end to end (start privd,
# spawn and confine the worker, open SQLite, answer, exit), for a query
# that reads nothing.  Compared with the sqlite3 shell answering the same
# query from an in-memory database, when sqlite3 is installed.
. "$(dirname "$0")/lib.sh"

hostql_ready || exit 1
tmp=$(bench_tmpdir) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

runs=$((RUNS * 2))
if command -v sqlite3 > /dev/null; then
	time_commands "$tmp/t.json" "$runs" \
	    "$HOSTQL --csv 'SELECT 1'" "sqlite3 :memory: 'SELECT 1'" || exit 1
	h=$(median_ms "$tmp/t.json" 0)
	s=$(median_ms "$tmp/t.json" 1)
	echo "figure: select1 hostql_median_ms=$h sqlite3_median_ms=$s" \
	    "target_ms=5 ratio=$(ratio "$h" "$s")" \
	    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)"
else
	time_commands "$tmp/t.json" "$runs" "$HOSTQL --csv 'SELECT 1'" ||
	    exit 1
	echo "figure: select1 hostql_median_ms=$(median_ms "$tmp/t.json" 0)" \
	    "target_ms=5 hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
	    "(sqlite3 not installed: no comparison)"
fi
peak_rss select1 "$HOSTQL" --csv 'SELECT 1'
