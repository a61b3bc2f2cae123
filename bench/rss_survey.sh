#!/bin/sh
# The worker's peak resident set on every table: each table's example
# query (from hostql --schema_json) run under peakrss.py, one line per
# table, then the largest, with the tables over LIMIT_MB (default 16, the
# target of the table work) flagged.  Most examples narrow the table to a
# few rows (WHERE pid = 1, name = ...), which says little about memory,
# so "SELECT * FROM table" is measured too, on every table that has no
# required column; a table is flagged when either is over the limit.
#
#   sh bench/rss_survey.sh                  (every table)
#   sh bench/rss_survey.sh mounts users     (only those)
#
# Each query runs RSS_RUNS times (default 1) and the largest peak is
# kept.  A query that fails is still measured (its worker ran) and says
# so.  Needs root and taskstats (see peakrss.py); exits 0 whenever it
# could measure, as the other benchmarks do: nothing is judged.
. "$(dirname "$0")/lib.sh"

LIMIT_MB=${LIMIT_MB:-16}
RSS_RUNS=${RSS_RUNS:-1}

hostql_ready || exit 1
tmp=$(bench_tmpdir) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

"$HOSTQL" --schema_json > "$tmp/schema.json" || exit 1
if ! python3 "$BENCH/peakrss.py" "$HOSTQL" --csv 'SELECT 1' \
    > /dev/null; then
	echo "bench: skipped: peakrss.py cannot measure here" >&2
	exit 1
fi

tables=${*:-$(jq -r '.[].name' "$tmp/schema.json")}

# measure QUERY: "worker_kb privd_kb ok-or-failed", the largest of
# RSS_RUNS runs; "-1 -1 none" for no query.
measure()
{
	if [ -z "$1" ]; then
		echo "-1 -1 none"
		return
	fi
	_status=ok
	_i=0
	: > "$tmp/out"
	while [ $_i -lt "$RSS_RUNS" ]; do
		python3 "$BENCH/peakrss.py" "$HOSTQL" --csv "$1" \
		    >> "$tmp/out" 2> /dev/null || _status=failed
		_i=$((_i + 1))
	done
	awk -v st="$_status" '
		/comm=hostql-worker/ { split($4, a, "="); if (a[2] > w) w = a[2] }
		/comm=hostql-privd/ { split($4, a, "="); if (a[2] > p) p = a[2] }
		END {
			# No exit record of the worker (a full socket buffer
			# on a busy host, or no worker started).
			if (w == 0) st = "unmeasured"
			printf "%d %d %s\n", w, p, st
		}' "$tmp/out"
}

# survey TABLE: "TABLE" and the measures of its example and of a
# SELECT * (none when a column is required).
survey()
{
	_ex=$(jq -r --arg n "$1" '.[] | select(.name == $n) | .example // ""' \
	    "$tmp/schema.json")
	_req=$(jq -r --arg n "$1" '.[] | select(.name == $n) |
	    any(.columns[]; .required)' "$tmp/schema.json")
	_all=
	[ "$_req" = true ] || _all="SELECT * FROM $1"
	echo "$1 $(measure "$_ex") $(measure "$_all")"
}

echo "bench: worker peak RSS of each table's example query and of" \
    "SELECT * (load average" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg))" >&2
for t in $tables; do
	survey "$t"
done > "$tmp/survey"

# Fields: table, then worker kB, privd kB and status of the example
# ($2-$4) and of SELECT * ($5-$7).
awk -v limit="$LIMIT_MB" '
	function mb(kb) { return kb < 0 ? "     -" : sprintf("%6.2f", kb / 1024) }
	{
		w = ($5 > $2 ? $5 : $2) / 1024
		p = ($6 > $3 ? $6 : $3) / 1024
		flag = w > limit ? sprintf("  OVER %d MB", limit) : ""
		note = ""
		if ($4 == "failed" || $4 == "unmeasured")
			note = note "  (example " $4 ")"
		if ($4 == "none") note = note "  (no example)"
		if ($7 == "failed" || $7 == "unmeasured")
			note = note "  (SELECT * " $7 ")"
		printf "%-24s worker_peak_mb=%6.2f example_mb=%s" \
		    " select_all_mb=%s privd_peak_mb=%5.2f%s%s\n",
		    $1, w, mb($2), mb($5), p, flag, note
		if (w > max) { max = w; maxname = $1 }
		if (w > limit) { over++; overnames = overnames " " $1 }
		if ($4 == "failed" || $4 == "unmeasured" ||
		    $7 == "failed" || $7 == "unmeasured")
			failed++
		n++
	}
	END {
		printf "figure: rss_survey tables=%d max_worker_peak_mb=%.2f" \
		    " max_table=%s limit_mb=%d over_limit=%d" \
		    " failed_or_unmeasured=%d\n",
		    n, max, maxname, limit, over, failed
		if (over > 0)
			printf "figure: rss_survey.over_limit%s\n", overnames
	}' "$tmp/survey"
