#!/bin/sh
# kernel_modules against lsmod and /proc/modules; a kernel built without
# loadable modules has no /proc/modules: the table is then empty with a
# warning, never an error.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if [ ! -e /proc/modules ]; then
	got=$(hq_list "SELECT count(*) FROM kernel_modules")
	expect_eq "rows without /proc/modules" "$got" 0
	expect_contains "the warning" "$(cat "$tmp/err")" "/proc/modules"
	echo "test_kernel_modules: this kernel has no loadable modules:" \
	    "only the empty case checked"
	echo "test_kernel_modules: ok"
	exit 0
fi

# Modules may come and go: compare what two reads around ours agree on.
awk '{ print $1 "|" $2 "|" $4 "|" $5 "|" $6 }' /proc/modules |
    sort >"$tmp/p1"
hq_list "SELECT name, size, used_by, status, address FROM kernel_modules" |
    sort >"$tmp/got"
awk '{ print $1 "|" $2 "|" $4 "|" $5 "|" $6 }' /proc/modules |
    sort >"$tmp/p2"
comm -12 "$tmp/p1" "$tmp/p2" | comm -23 - "$tmp/got" >"$tmp/missing"
[ -s "$tmp/missing" ] && fail "not in hostql: $(head -5 "$tmp/missing")"
if command -v lsmod >/dev/null 2>&1; then
	lsmod | awk 'NR > 1 { print $1 "|" $2 }' | sort >"$tmp/lsmod"
	cut -d'|' -f1,2 "$tmp/got" | comm -13 - "$tmp/lsmod" >"$tmp/missing"
	[ -s "$tmp/missing" ] &&
	    fail "lsmod lists more: $(head -5 "$tmp/missing")"
fi
echo "test_kernel_modules: ok"
