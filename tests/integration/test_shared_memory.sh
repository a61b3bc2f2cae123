#!/bin/sh
# shared_memory against ipcs(1): a segment made with ipcmk, and segments
# a process of our own holds attached, one locked in memory and one
# marked for removal; each column against "ipcs -m -i".
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
ids=
spid=
cleanup() {
	[ -n "$spid" ] && kill "$spid" 2>/dev/null
	for id in $ids; do ipcrm -m "$id" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

id=$(ipcmk -M 12345 -p 0640 | awk '{ print $NF }')
[ -n "$id" ] || fail "ipcmk"
ids="$ids $id"

# A holder: attaches two segments, locks one, marks the other removed;
# the segments go with it.
python3 - "$tmp/ready" <<'PY' &
import ctypes, os, sys, time
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
IPC_PRIVATE, IPC_CREAT, IPC_RMID, SHM_LOCK = 0, 0o1000, 0, 11
locked = libc.shmget(IPC_PRIVATE, 65536, IPC_CREAT | 0o600)
dest = libc.shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0o644)
for s in (locked, dest):
    if s < 0 or libc.shmat(s, None, 0) in (None, ctypes.c_void_p(-1).value):
        sys.exit("shm: %d" % ctypes.get_errno())
if libc.shmctl(locked, SHM_LOCK, None) != 0:
    sys.exit("SHM_LOCK: %d" % ctypes.get_errno())
libc.shmctl(dest, IPC_RMID, None)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d %d\n" % (os.getpid(), locked, dest))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(60)
libc.shmctl(locked, IPC_RMID, None)
PY
spid=$!
wait_for "test process did not start" test -s "$tmp/ready"
read -r hpid locked dest <"$tmp/ready"
ids="$ids $locked"

# "ipcs -m -i ID" as the table's columns: shmid, uid, cuid, lpid, cpid,
# perms, bytes, nattch.
ipcs_row() {
	LC_ALL=C ipcs -m -i "$1" | tr '\t' '\n' | awk -v id="$1" -F= '
	{ v[$1] = $2 }
	END {
		printf "%s,%s,%s,%s,%s,%s,%s,%s\n", id, v["uid"], v["cuid"],
		    v["lpid"], v["cpid"], v["access_perms"], v["bytes"],
		    v["nattch"]
	}'
}
cols="shmid, owner_uid, creator_uid, pid, creator_pid, permissions, size,
    attached"
for s in $id $locked $dest; do
	got=$(hq "SELECT $cols FROM shared_memory WHERE shmid = $s")
	expect_eq "segment $s" "$got" "$(ipcs_row "$s")"
done

got=$(hq "SELECT status, locked, attached, pid FROM shared_memory
    WHERE shmid = $id")
expect_eq "ipcmk segment" "$got" ",0,0,0"
got=$(hq "SELECT status, locked, attached, pid, creator_pid
    FROM shared_memory WHERE shmid = $locked")
expect_eq "locked segment" "$got" ",1,1,$hpid,$hpid"
got=$(hq "SELECT status, locked, permissions, size FROM shared_memory
    WHERE shmid = $dest")
expect_eq "segment marked for removal" "$got" "dest,0,0644,4096"
# ipcs says the same of both.
LC_ALL=C ipcs -m | awk -v l="$locked" -v d="$dest" '
	$2 == l && $0 ~ /locked/ { n++ }
	$2 == d && $0 ~ /dest/ { n++ }
	END { exit n != 2 }' || fail "ipcs status differs"

# Every segment ipcs lists, and no other.
want=$(LC_ALL=C ipcs -m | awk '$2 ~ /^[0-9]+$/ { print $2 }' | sort -n)
got=$(hq "SELECT shmid FROM shared_memory ORDER BY shmid")
expect_eq "segments" "$got" "$want"
echo "test_shared_memory: ok"
