#!/bin/sh
# ulimit_info shows the limits of the hostql process itself (not of its
# sandboxed worker): run under prlimit(1) with limits of our choosing,
# it must show those, and every other limit as prlimit reads it.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# The worker's own limits (32 files, no core, no processes) must not
# show: these are the ones hostql runs with.
# AddressSanitizer would set hostql's own core limit to 0.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}disable_coredump=0"
export ASAN_OPTIONS
# Limits are only lowered, which needs no privilege.
lim="--nofile=123:456 --core=1000"
# shellcheck disable=SC2086
prlimit $lim "$HOSTQL" --csv --noheader \
    "SELECT type, soft_limit, hard_limit FROM ulimit_info ORDER BY type" \
    >"$tmp/got" 2>"$tmp/err" || fail "hostql: $(cat "$tmp/err")"
# shellcheck disable=SC2086
prlimit $lim sh -c 'prlimit --pid $$ --raw --noheadings \
    -o RESOURCE,SOFT,HARD' | awk '$1 != "RTTIME" {
	print tolower($1) "," $2 "," $3 }' | sort >"$tmp/want" ||
    fail "prlimit"
cmp -s "$tmp/want" "$tmp/got" || fail "limits differ:
$(diff "$tmp/want" "$tmp/got")"
grep -qx 'nofile,123,456' "$tmp/got" || fail "nofile: $(cat "$tmp/got")"
grep -qx 'core,1000,1000' "$tmp/got" || fail "core: $(cat "$tmp/got")"
grep -qx 'nproc,0,0' "$tmp/got" && fail "the worker's limits show"
[ "$(wc -l <"$tmp/got")" -eq 15 ] || fail "$(wc -l <"$tmp/got") limits"
echo "test_ulimit_info: ok"
