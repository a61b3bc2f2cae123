#!/bin/sh
# memory_info against /proc/meminfo and free(1); memory_map against
# /proc/iomem as root reads it, every region, nested ones included.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

kb() {
	awk -v k="$1:" '$1 == k { printf "%.0f\n", $2 * 1024 }' "$2"
}

# Totals do not move; free(1) reads the same file.
cp /proc/meminfo "$tmp/before"
hq "SELECT memory_total, swap_total, memory_free, memory_available,
    buffers, cached, swap_cached, active, inactive, swap_free
    FROM memory_info" >"$tmp/hq"
cp /proc/meminfo "$tmp/after"
IFS=, read -r total swap free avail buffers cached swapc active inactive \
    swapf <"$tmp/hq"
expect_eq "memory_total" "$total" "$(kb MemTotal "$tmp/before")"
expect_eq "swap_total" "$swap" "$(kb SwapTotal "$tmp/before")"
expect_eq "free -b total" "$total" \
    "$(LC_ALL=C free -b | awk '$1 == "Mem:" { print $2 }')"

# The others move: each must lie within what was seen before and after,
# give or take 64 MiB of what happened in between.
within() {
	_b=$(kb "$2" "$tmp/before")
	_a=$(kb "$2" "$tmp/after")
	awk -v v="$3" -v a="$_a" -v b="$_b" 'BEGIN {
		lo = (a < b ? a : b) - 67108864; hi = (a > b ? a : b) + 67108864
		exit !(v != "" && v >= lo && v <= hi)
	}' || fail "$1 [$3] not near $2 [$_b .. $_a]"
}
within memory_free MemFree "$free"
within memory_available MemAvailable "$avail"
within buffers Buffers "$buffers"
within cached Cached "$cached"
within swap_cached SwapCached "$swapc"
within active Active "$active"
within inactive Inactive "$inactive"
within swap_free SwapFree "$swapf"

# memory_map: name, start and end of each line of /proc/iomem.
awk '{
	sub(/^ +/, "")
	split($1, a, "-")
	name = $0; sub(/^[^ ]+ : ?/, "", name)
	if (name ~ /[,"]/) { gsub(/"/, "\"\"", name); name = "\"" name "\"" }
	print name ",0x" a[1] ",0x" a[2]
}' /proc/iomem >"$tmp/want"
hq "SELECT name, start, end FROM memory_map" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "memory_map differs from /proc/iomem:
$(diff "$tmp/want" "$tmp/got")"
[ -s "$tmp/got" ] || fail "no memory regions"
grep -q '^System RAM,0x' "$tmp/got" || fail "no System RAM region"
grep -q ',0x0*,0x0*$' "$tmp/got" && ! grep -vq ',0x0*,0x0*$' "$tmp/got" &&
    fail "memory_map addresses are all zero: not read as root"
echo "test_system_memory: ok"
