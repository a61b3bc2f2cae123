#!/bin/sh
# cpu_time against the cpuN lines of /proc/stat read before and after
# it (the counters only grow), and load_average against /proc/loadavg.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

cpus() {
	awk '$1 ~ /^cpu[0-9]+$/ {
		sub(/^cpu/, "", $1)
		for (i = NF + 1; i <= 11; i++) $i = 0
		print $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
	}' /proc/stat
}
cpus >"$tmp/before"
hq "SELECT core, user, nice, system, idle, iowait, irq, softirq, steal,
    guest, guest_nice FROM cpu_time ORDER BY core" | tr , ' ' >"$tmp/hq"
cpus >"$tmp/after"
[ "$(cut -d' ' -f1 "$tmp/hq")" = "$(cut -d' ' -f1 "$tmp/before")" ] ||
    fail "cores differ: $(cut -d' ' -f1 "$tmp/hq" | tr '\n' ' ')"
[ "$(wc -l <"$tmp/hq")" -ge 1 ] || fail "no cores"
paste -d' ' "$tmp/before" "$tmp/hq" "$tmp/after" | awk '{
	for (i = 2; i <= 11; i++)
		if ($(i + 11) < $i || $(i + 11) > $(i + 22)) {
			printf "core %s field %d: %s not in [%s, %s]\n", $1,
			    i - 1, $(i + 11), $i, $(i + 22)
			bad = 1
		}
	}
	END { exit bad }' >&2 || fail "cpu_time outside /proc/stat"

# load_average: six decimals of the kernel's two.
fmt() {
	awk '{ printf "1m,%.6f\n5m,%.6f\n15m,%.6f\n", $1, $2, $3 }' "$1"
}
ok=0
for attempt in 1 2 3; do
	cp /proc/loadavg "$tmp/l1"
	got=$(hq "SELECT period, average FROM load_average")
	cp /proc/loadavg "$tmp/l2"
	if [ "$got" = "$(fmt "$tmp/l1")" ] || [ "$got" = "$(fmt "$tmp/l2")" ]
	then
		ok=1
		break
	fi
done
[ $ok = 1 ] || fail "load_average [$got], /proc/loadavg $(cat "$tmp/l2")"
echo "test_cpu_load: ok"
