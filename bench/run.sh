#!/bin/sh
# Run every benchmark and end with the figures they printed.
#
#   make bench              (or: BUILD=build sh bench/run.sh)
#   sh bench/run.sh hash    (only the benchmarks named)
#
# RUNS (default 30) and WARMUP (default 3) set hyperfine's run counts,
# EXTRA (default 3000) the extra processes of bench/processes.sh.
# Exits 0 when every benchmark ran; timings are printed, never judged.

BENCH=$(dirname "$0")
BUILD=${BUILD:-build}
export BUILD

for tool in hyperfine jq python3 /usr/bin/time; do
	if ! command -v "$tool" > /dev/null; then
		echo "bench: $tool is needed (Debian: hyperfine jq python3" \
		    "time)" >&2
		exit 1
	fi
done

names=${*:-select1 processes listening_ports hash mounts kernel_modules \
    interface_details arp_cache deb_packages join logger_throughput restart \
    daemon_rss}
# daemon_rss's targets hold over 600 s; here it runs DURATION (30 s).
DURATION=${DURATION:-30}
export DURATION
log=$(mktemp "${TMPDIR:-/tmp}/hostql-bench-log.XXXXXX") || exit 1
trap 'rm -f "$log" "$log.rc"' EXIT

echo "hostql benchmarks: $(uname -sr), $(nproc) CPUs," \
    "load average $(cut -d ' ' -f 1-3 /proc/loadavg)," \
    "$("$BUILD/hostql" --version 2>&1 | head -n 1)"
failed=
for name in $names; do
	echo "== $name"
	{ sh "$BENCH/$name.sh"; echo $? > "$log.rc"; } | tee -a "$log"
	[ "$(cat "$log.rc")" = 0 ] || failed="$failed $name"
done

echo "== figures (load average now $(cut -d ' ' -f 1-3 /proc/loadavg))"
grep '^figure: ' "$log"
if [ -n "$failed" ]; then
	echo "bench: did not run:$failed" >&2
	exit 1
fi
exit 0
