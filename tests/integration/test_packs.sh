#!/bin/sh
# osquery's own pack queries for Linux must run unchanged.  Every query
# whose tables hostql has must succeed; those that name a table still to
# come are counted, so the list shrinks as tables arrive.
. "$(dirname "$0")/lib.sh"

# The Linux queries of osquery's packs, kept with the tests.
packs="$(dirname "$0")/../fixtures/osquery-packs-linux.tsv"
[ -r "$packs" ] || fail "no pack list at $packs"
# Tabs are white space to read, which would merge an empty platform
# field: split on a unit separator instead.
us=$(printf '\037')
tail -n +2 "$packs" | tr '\t' "$us" | while IFS="$us" read -r pack name platform query; do
	if out=$("$HOSTQL" --csv "$query" 2>&1); then
		echo "ran $pack/$name: $(echo "$out" | wc -l) lines"
	elif echo "$out" | grep -q "no such table"; then
		echo "pending $pack/$name: $out"
	else
		echo "FAILED $pack/$name: $out"
	fi
done >"$TESTDIR/report"
cat "$TESTDIR/report"
ran=$(grep -c '^ran ' "$TESTDIR/report")
pending=$(grep -c '^pending ' "$TESTDIR/report")
failed=$(grep -c '^FAILED ' "$TESTDIR/report")
echo "packs: $ran ran, $pending pending a table, $failed failed"
[ "$ran" -gt 0 ] || fail "no pack query could run"
[ "$failed" = 0 ] || fail "$failed pack queries failed"
