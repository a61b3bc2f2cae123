#!/bin/sh
# A join against its two halves: processes JOIN process_open_sockets
# USING (pid) against the sum of the two tables counted alone, in the
# same hyperfine run.  The target is the join within twice that sum.
# Measured first on the host as it is, then with EXTRA (default 3000)
# more idle processes and SOCKETS (default 300) more sockets held by ten
# processes, all made by this benchmark for the time of the measurement.
#
# The sum counts hostql's start-up twice and the join once, which flatters
# the join; so a "SELECT 1" is timed in the same run, and the ratio with
# the start-up taken out of every command (net_ratio) is printed beside
# the plain one.
. "$(dirname "$0")/lib.sh"

EXTRA=${EXTRA:-3000}
SOCKETS=${SOCKETS:-300}
JOIN='SELECT count(*) FROM processes JOIN process_open_sockets USING (pid)'
PROCS='SELECT count(*) FROM processes'
SOCKS='SELECT count(*) FROM process_open_sockets'

hostql_ready || exit 1
query_works "$JOIN" || exit 1
tmp=$(bench_tmpdir) || exit 1
spawner=
holder=
before=
cleanup()
{
	for _pid in $spawner $holder; do
		kill "$_pid" 2> /dev/null
		wait "$_pid" 2> /dev/null
	done
	[ -z "$spawner" ] || wait_reaped
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

count()
{
	"$HOSTQL" --csv --noheader "$1"
}

# compare LABEL: time the join, its halves and SELECT 1; print the figure.
compare()
{
	_p=$(count "$PROCS")
	_s=$(count "$SOCKS")
	_j=$(count "$JOIN")
	time_commands "$tmp/$1.json" "$RUNS" "$HOSTQL --csv '$JOIN'" \
	    "$HOSTQL --csv '$PROCS'" "$HOSTQL --csv '$SOCKS'" \
	    "$HOSTQL --csv 'SELECT 1'" || exit 1
	j=$(median_ms "$tmp/$1.json" 0)
	p=$(median_ms "$tmp/$1.json" 1)
	s=$(median_ms "$tmp/$1.json" 2)
	one=$(median_ms "$tmp/$1.json" 3)
	sum=$(awk -v a="$p" -v b="$s" 'BEGIN { printf "%.2f", a + b }')
	net_j=$(awk -v a="$j" -v o="$one" 'BEGIN { printf "%.2f", a - o }')
	net_sum=$(awk -v a="$p" -v b="$s" -v o="$one" \
	    'BEGIN { printf "%.2f", a + b - 2 * o }')
	echo "figure: $1 join_median_ms=$j processes_median_ms=$p" \
	    "sockets_median_ms=$s sum_ms=$sum ratio=$(ratio "$j" "$sum")" \
	    "target_ratio=2.00 select1_median_ms=$one" \
	    "net_ratio=$(ratio "$net_j" "$net_sum")" \
	    "processes=$_p sockets=$_s joined_rows=$_j" \
	    "join_min_ms=$(min_ms "$tmp/$1.json" 0)" \
	    "processes_min_ms=$(min_ms "$tmp/$1.json" 1)" \
	    "sockets_min_ms=$(min_ms "$tmp/$1.json" 2)"
}

# The spawner holds the extra processes; it is bound to this shell, and
# its children to it, by parent-death signals, so they cannot leak.
start_spawner()
{
	${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -o "$tmp/spawn" \
	    "$BENCH/spawn.c" || return 1
	before=$(nprocs)
	"$tmp/spawn" "$EXTRA" > "$tmp/spawned" &
	spawner=$!
	wait_file "$tmp/spawned" "$spawner" || return 1
	echo "bench: started $(cat "$tmp/spawned") extra processes" >&2
}

# The holder forks ten children that open the sockets between them
# (TCP listeners, UDP sockets and unix socket pairs on the loopback, in
# turn).  As with the spawner, the children are bound to the holder and
# the holder to this shell by parent-death signals.
start_holder()
{
	python3 -c '
import ctypes, os, socket, sys, signal
libc = ctypes.CDLL(None, use_errno=True)
PR_SET_PDEATHSIG = 1
libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
if os.getppid() != int(sys.argv[2]):
	sys.exit(1)
want, nchild = int(sys.argv[1]), 10
r, w = os.pipe()
holder = os.getpid()
for c in range(nchild):
	if os.fork() == 0:
		libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
		if os.getppid() != holder:
			os._exit(0)
		held, n = [], 0
		share = want // nchild + (1 if c < want % nchild else 0)
		while n < share:
			kind = n % 3
			if kind == 0:
				s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
				s.bind(("127.0.0.1", 0))
				s.listen(1)
				held.append(s)
				n += 1
			elif kind == 1:
				s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
				s.bind(("127.0.0.1", 0))
				held.append(s)
				n += 1
			else:
				held.extend(socket.socketpair())
				n += 2
		os.write(w, b"%d\n" % n)
		signal.pause()
		os._exit(0)
total = 0
for c in range(nchild):
	line = b""
	while not line.endswith(b"\n"):
		line += os.read(r, 1)
	total += int(line)
print(total, flush=True)
while True:
	signal.pause()
' "$SOCKETS" $$ > "$tmp/held" &
	holder=$!
	wait_file "$tmp/held" "$holder" || return 1
	echo "bench: $(cat "$tmp/held") extra sockets held" >&2
}

# wait_file FILE PID: until FILE is not empty, while PID lives (a minute
# at most).
wait_file()
{
	_i=0
	while [ ! -s "$1" ]; do
		_i=$((_i + 1))
		if [ $_i -gt 600 ] || ! kill -0 "$2" 2> /dev/null; then
			echo "bench: $1 did not come: the helper did not start" >&2
			return 1
		fi
		sleep 0.1
	done
}

compare join
peak_rss join "$HOSTQL" --csv "$JOIN"

start_spawner || exit 1
start_holder || exit 1
compare join_plus$EXTRA
peak_rss join_plus$EXTRA "$HOSTQL" --csv "$JOIN"
