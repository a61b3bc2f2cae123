#!/bin/sh
# A join filters its inner table once per outer row; the scan memo
# answers those filters from one scan per statement.  The rows are the
# ones the join gives without it (an IN subquery filters once), and privd
# runs no more netlink dumps for the join than for two scans of the
# sockets table alone.
. "$(dirname "$0")/lib.sh"
set -u

# A process of our own with a socket, so that the join has rows.
python3 -c 'import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); time.sleep(60)' &
listener=$!
trap 'kill $listener 2>/dev/null' EXIT
i=0
while ! ls -l "/proc/$listener/fd" 2>/dev/null | grep -q 'socket:' &&
    [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done

# hostql's own processes differ from one run to the next.
mine="p.name NOT LIKE 'hostql%'"
joined=$(hq "SELECT p.pid, s.fd, s.socket FROM processes p
    JOIN process_open_sockets s USING (pid) WHERE $mine ORDER BY 1, 2")
filtered=$(hq "SELECT s.pid, s.fd, s.socket FROM process_open_sockets s
    WHERE s.pid IN (SELECT pid FROM processes p WHERE $mine)
    ORDER BY 1, 2")
[ -n "$joined" ] || fail "the join gave no rows"
expect_eq "join rows" "$joined" "$filtered"

# Every netlink dump starts with a socket(AF_NETLINK, ...) in privd.
# (LeakSanitizer stops the world with ptrace, which strace holds: off
# under it in a sanitizer build.)
dumps() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    strace -f -qq -e trace=socket -o "$TESTDIR/trace" \
	    "$HOSTQL" --csv "$1" >/dev/null 2>&1 || fail "hostql: $1"
	grep -c 'AF_NETLINK' "$TESTDIR/trace"
}
alone=$(dumps "SELECT count(*) FROM process_open_sockets")
join=$(dumps "SELECT count(*) FROM processes
    JOIN process_open_sockets USING (pid)")
procs=$(hq "SELECT count(*) FROM processes")
echo "dumps: alone $alone, join $join, over $procs processes" >&2
[ "$alone" -gt 0 ] || fail "no netlink dump seen for the sockets table"
[ "$join" -le $((2 * alone)) ] ||
    fail "the join ran $join netlink dumps, alone $alone"

# A filter that names an input (a required column) is never memoised:
# each outer row still hashes its own file.
printf a >"$TESTDIR/a"
printf b >"$TESTDIR/b"
printf 'allow stat /**\nallow read %s/*\n' "$TESTDIR" >"$TESTDIR/policy"
got=$("$HOSTQL" --policy_path "$TESTDIR/policy" --csv --noheader \
    "SELECT f.path, h.md5 FROM file f JOIN hash h USING (path)
    WHERE f.path IN ('$TESTDIR/a', '$TESTDIR/b') ORDER BY 1" | tr '\n' ' ')
expect_eq "hash per row" "$got" \
    "$TESTDIR/a,0cc175b9c0f1b6a831c399e269772661 $TESTDIR/b,92eb5ffee6ae2fec3ad71c777531578f "
echo "test_join_memo: ok"
