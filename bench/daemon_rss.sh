#!/bin/sh
# Figure: what hostqld costs the host with the default config: the peak
# of privd's, the worker's and the logger's resident sets added up, and
# their CPU time averaged over the run as a percentage of one core.
#
#   DURATION=600 sh bench/daemon_rss.sh     (the default: ten minutes)
#
# bench/run.sh runs it with DURATION=30 unless DURATION is set: half a
# minute is mostly the start-up (every query's first run, suid_bin's walk
# of the file systems), so its cpu_pct is an upper bound of the ten-minute
# figure, not the figure.  See treestat.py for how the figures are read:
# sums of VmRSS every second (peak_rss_kb, the figure the target is for)
# and of Pss (peak_pss_kb, the shared libraries counted once), the sum of
# the high-water marks at the end (sum_hwm_mb, which a peak between two
# samples cannot escape), and utime + stime of the tree from
# /proc/<pid>/stat at the start and the end.
. "$(dirname "$0")/lib.sh"
. "$BENCH/daemon_lib.sh"

DURATION=${DURATION:-600}
# TRACE=FILE: every second's VmRSS of each process, to FILE.
TRACE=${TRACE:-}

daemon_ready || exit 1
tmp=$(mktemp -d /var/tmp/hostql-bench-rss.XXXXXX) || exit 1
trap 'daemon_stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

conf=$(bench_config) || exit 1
echo "bench: hostqld with $conf for $DURATION s (load average" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg))" >&2
daemon_start "$conf" || exit 1
# shellcheck disable=SC2086 # TRACE: no word, or the file's name
out=$(python3 "$BENCH/treestat.py" "$DAEMON" "$DURATION" $TRACE) || exit 1
results=$(cat "$tmp"/log/hostqld.results.log* 2> /dev/null | wc -l)
warnings=$(grep -c '"severity":1' "$tmp/log/hostqld.status.log" \
    2> /dev/null)
echo "$out" | awk -v results="$results" -v warnings="${warnings:-0}" '{
	for (i = 1; i <= NF; i++) {
		split($i, kv, "=")
		f[kv[1]] = kv[2]
	}
	printf "figure: daemon_rss peak_total_rss_mb=%.2f" \
	    " peak_total_pss_mb=%.2f target_mb=12 cpu_pct=%.3f" \
	    " target_cpu_pct=0.5 seconds=%d\n", f["peak_rss_kb"] / 1024,
	    f["peak_pss_kb"] / 1024, f["cpu_pct"], f["seconds"]
	printf "figure: daemon_rss.each privd_peak_mb=%.2f" \
	    " worker_peak_mb=%.2f logger_peak_mb=%.2f sum_hwm_mb=%.2f" \
	    " cpu_s=%s privd_cpu_s=%s worker_cpu_s=%s logger_cpu_s=%s" \
	    " restarts=%d result_lines=%d status_warnings=%d\n",
	    f["peak_rss_kb.hostql-privd"] / 1024,
	    f["peak_rss_kb.hostql-worker"] / 1024,
	    f["peak_rss_kb.hostql-logger"] / 1024, f["sum_hwm_kb"] / 1024,
	    f["cpu_s"], f["cpu_s.hostql-privd"], f["cpu_s.hostql-worker"],
	    f["cpu_s.hostql-logger"],
	    f["restarts"], results, warnings
}'
