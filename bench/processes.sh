#!/bin/sh
# Figure 2: the processes table against ps, both listing pid, parent pid,
# uid, name and command line of every process; first with the processes
# the host has, then with EXTRA (default 3000) more idle ones that this
# benchmark holds for the time of the measurement.
. "$(dirname "$0")/lib.sh"

EXTRA=${EXTRA:-3000}
QUERY='SELECT pid, parent, uid, name, cmdline FROM processes'
PS='ps -e -o pid=,ppid=,uid=,comm=,args='

hostql_ready || exit 1
query_works "$QUERY" || exit 1
tmp=$(bench_tmpdir) || exit 1
spawner=
before=
cleanup()
{
	if [ -n "$spawner" ]; then
		kill "$spawner" 2> /dev/null
		wait "$spawner" 2> /dev/null
		wait_reaped
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

max_user_processes()
{
	awk '/^Max processes/ { print $3 }' /proc/self/limits
}

# compare LABEL: time both and print the figure.
compare()
{
	n=$(nprocs)
	time_commands "$tmp/$1.json" "$RUNS" "$HOSTQL --csv '$QUERY'" "$PS" ||
	    exit 1
	h=$(median_ms "$tmp/$1.json" 0)
	p=$(median_ms "$tmp/$1.json" 1)
	echo "figure: $1 hostql_median_ms=$h ps_median_ms=$p" \
	    "ratio=$(ratio "$h" "$p") processes=$n" \
	    "hostql_min_ms=$(min_ms "$tmp/$1.json" 0)" \
	    "ps_min_ms=$(min_ms "$tmp/$1.json" 1)"
}

# The spawner holds the extra processes; it is bound to this shell, and
# its children to it, by parent-death signals, so they cannot leak.
start_spawner()
{
	${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -o "$tmp/spawn" \
	    "$BENCH/spawn.c" || return 1
	before=$(nprocs)
	echo "bench: max user processes $(max_user_processes), pid_max" \
	    "$(cat /proc/sys/kernel/pid_max), $before processes now" >&2
	"$tmp/spawn" "$EXTRA" > "$tmp/ready" &
	spawner=$!
	i=0
	while [ ! -s "$tmp/ready" ]; do
		i=$((i + 1))
		if [ $i -gt 600 ] || ! kill -0 "$spawner" 2> /dev/null; then
			echo "bench: the spawner did not start" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "bench: started $(cat "$tmp/ready") extra processes" >&2
}

compare processes
peak_rss processes "$HOSTQL" --csv "$QUERY"
echo "figure: rss.processes ps_peak_kb=$(native_rss $PS)"
start_spawner || exit 1
compare processes_plus$EXTRA
peak_rss processes_plus$EXTRA "$HOSTQL" --csv "$QUERY"
echo "figure: rss.processes_plus$EXTRA ps_peak_kb=$(native_rss $PS)"
