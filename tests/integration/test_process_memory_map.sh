#!/bin/sh
# process_memory_map against /proc/<pid>/maps of a process of our own,
# run from a program with a space in its path and deleted since: every
# mapping, field by field, then the pid constraint.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
with_child

mkdir "$tmp/odd dir"
cp "$(command -v sleep)" "$tmp/odd dir/sl eep" || fail "cannot copy sleep"
"$tmp/odd dir/sl eep" 60 </dev/null >/dev/null 2>&1 &
spid=$!
started() {
	grep -q '\[stack\]' "/proc/$spid/maps" 2>/dev/null &&
	    grep -q 'libc' "/proc/$spid/maps"
}
wait_for "test process did not start" started
rm -f "$tmp/odd dir/sl eep"

# The maps lines as the table gives them: "0x" addresses, the offset in
# decimal, pseudo for a named mapping without an inode.
python3 - "/proc/$spid/maps" >"$tmp/want" <<'PY' || fail "python3"
import sys
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split(None, 5)
    start, end = f[0].split("-")
    path = f[5].lstrip(" ") if len(f) > 5 else ""
    pseudo = 1 if f[4] == "0" and path else 0
    if any(c in path for c in ',"'):
        path = '"' + path.replace('"', '""') + '"'
    print("0x%s,0x%s,%s,%d,%s,%s,%s,%d" % (start, end, f[1],
        int(f[2], 16), f[3], f[4], path, pseudo))
PY
hq "SELECT start, end, permissions, offset, device, inode, path, pseudo
    FROM process_memory_map WHERE pid = $spid" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "maps of $spid differ:
$(diff "$tmp/want" "$tmp/got")"
expect_contains "deleted program" "$(cat "$tmp/got")" \
    "$tmp/odd dir/sl eep (deleted)"
got=$(hq "SELECT pseudo FROM process_memory_map WHERE pid = $spid
    AND path = '[stack]'")
expect_eq "[stack] is pseudo" "$got" 1

got=$(hq "SELECT count(DISTINCT pid) FROM process_memory_map
    WHERE pid IN ($spid, $$, 2147483647)")
expect_eq "pid IN" "$got" 2
got=$(hq "SELECT count(DISTINCT pid) > 1 FROM process_memory_map")
expect_eq "every process" "$got" 1
echo "test_process_memory_map: ok"
