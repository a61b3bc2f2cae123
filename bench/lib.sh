# Helpers shared by the benchmarks; sourced by each bench/*.sh, not run.
#
# Timings come from hyperfine (--shell=none, so no shell start-up is
# counted), both commands of a comparison in the same invocation, with
# warm-up runs first so that both read from a warm page cache.  Nothing
# here judges a figure: a benchmark prints what it measured and exits 0
# when it could measure it.

BUILD=${BUILD:-build}
HOSTQL=${HOSTQL:-$BUILD/hostql}
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
BENCH=$(dirname "$0")

# A private directory for the run's files, removed on exit.
bench_tmpdir()
{
	mktemp -d "${TMPDIR:-/tmp}/hostql-bench.XXXXXX"
}

# Whether hostql exists and answers; says why not otherwise.
hostql_ready()
{
	if [ ! -x "$HOSTQL" ]; then
		echo "bench: $HOSTQL not found: run make first" >&2
		return 1
	fi
	if [ "$(id -u)" != 0 ]; then
		echo "bench: note: not root, hostql sees only this user's" \
		    "view" >&2
	fi
	return 0
}

# Whether a query runs without an error, so that a table still missing
# from the build is reported as skipped rather than timed.
query_works()
{
	if ! "$HOSTQL" --csv "$@" > /dev/null; then
		echo "bench: skipped: hostql failed on: $*" >&2
		return 1
	fi
	return 0
}

# bench_start QUERY: what a table benchmark does first: hostql answers
# QUERY, and $tmp is a private directory, removed on exit.  Exits when
# the benchmark cannot run.
bench_start()
{
	hostql_ready || exit 1
	query_works "$1" || exit 1
	tmp=$(bench_tmpdir) || exit 1
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 130' INT TERM
}

# compare_tool NAME QUERY TOOL COMMAND: hostql's QUERY against COMMAND, a
# native tool's listing of the same (its words split on blanks), as the
# figures NAME (medians, ratio, rows, fastest runs) and rss.NAME, where
# the tool is called TOOL.  Needs bench_start's $tmp.
compare_tool()
{
	_name=$1
	_query=$2
	_tool=$3
	_cmd=$4
	_rows=$("$HOSTQL" --csv --noheader "$_query" | wc -l)
	time_commands "$tmp/t.json" "$RUNS" "$HOSTQL --csv '$_query'" \
	    "$_cmd" || exit 1
	_h=$(median_ms "$tmp/t.json" 0)
	_n=$(median_ms "$tmp/t.json" 1)
	echo "figure: $_name hostql_median_ms=$_h ${_tool}_median_ms=$_n" \
	    "ratio=$(ratio "$_h" "$_n") rows=$_rows" \
	    "hostql_min_ms=$(min_ms "$tmp/t.json" 0)" \
	    "${_tool}_min_ms=$(min_ms "$tmp/t.json" 1)"
	peak_rss "$_name" "$HOSTQL" --csv "$_query"
	# shellcheck disable=SC2086 # the command's words
	echo "figure: rss.$_name ${_tool}_peak_kb=$(native_rss $_cmd)"
}

# time_commands JSON RUNS COMMAND...: hyperfine over the commands, which
# are shell words (quotes are honoured, nothing else is interpreted).
time_commands()
{
	_json=$1
	_runs=$2
	shift 2
	hyperfine --shell=none --style basic --warmup "$WARMUP" \
	    --runs "$_runs" --export-json "$_json" "$@"
}

# median_ms JSON INDEX: the median of the INDEXth command, in ms.
median_ms()
{
	jq -r ".results[$2].median * 1000" "$1" | awk '{ printf "%.2f", $1 }'
}

# min_ms JSON INDEX: the fastest run of the INDEXth command, in ms: on a
# busy machine it says more about the program than the median does.
min_ms()
{
	jq -r ".results[$2].min * 1000" "$1" | awk '{ printf "%.2f", $1 }'
}

# ratio A B: A / B with two decimals.
ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b > 0) printf "%.2f", a / b; else printf "inf" }'
}

# peak_rss NAME COMMAND...: peak resident set size of hostql's two
# processes, from the kernel's exit accounting (see peakrss.py), as one
# figure line.  The largest of three runs is kept.
peak_rss()
{
	_name=$1
	shift
	_out=$(for _i in 1 2 3; do
		python3 "$BENCH/peakrss.py" "$@" || exit 1
	done) || {
		echo "figure: rss.$_name skipped (see the error above)"
		return 0
	}
	echo "$_out" | awk -v name="$_name" '
		/comm=hostql-privd/ { split($4, a, "="); if (a[2] > p) p = a[2] }
		/comm=hostql-worker/ { split($4, a, "="); if (a[2] > w) w = a[2] }
		END {
			printf "figure: rss.%s privd_peak_kb=%d worker_peak_kb=%d" \
			    " target_kb=10240\n", name, p, w
		}'
}

# native_rss COMMAND...: peak RSS in KiB of a native tool, for scale.
native_rss()
{
	/usr/bin/time -f %M "$@" 2>&1 > /dev/null | tail -n 1
}

# How many processes run now.
nprocs()
{
	ls -d /proc/[0-9]* 2> /dev/null | wc -l
}

# A spawner's children die with it but are reaped by init: wait (a few
# seconds at most) until they are gone, so that what runs next does not
# see them.  $before is the count before they were made, $EXTRA how many.
wait_reaped()
{
	_i=0
	while [ "$(nprocs)" -gt $((before + EXTRA / 10)) ] && [ $_i -lt 50 ]; do
		_i=$((_i + 1))
		sleep 0.1
	done
}
