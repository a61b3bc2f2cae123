#!/bin/sh
# listening_ports against ss, and a listener of our own that must appear
# with its pid and fd and be gone once it is killed.
# Needs $HOSTQL (the hostql binary), python3 and ss; run as root to see
# every process's sockets.
. "$(dirname "$0")/lib.sh"
set -u
HOSTQL=${HOSTQL:-./build/hostql}
tmp=$(mktemp -d)
lpid=
cleanup() {
	[ -n "$lpid" ] && kill "$lpid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
q() {
	"$HOSTQL" --csv --noheader "$1" || fail "hostql failed on: $1"
}

# TCP on 127.0.0.1 and ::1, UDP on 127.0.0.1, all on ports the kernel
# picks; the listener writes "pid tcp4 fd tcp6 fd udp4 fd" when ready.
python3 - "$tmp/ready" <<'PY' &
import os, socket, sys, time
t4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
t4.bind(("127.0.0.1", 0)); t4.listen(4)
t6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
t6.bind(("::1", 0)); t6.listen(4)
u4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u4.bind(("127.0.0.1", 0))
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d %d %d %d %d %d\n" % (os.getpid(),
        t4.getsockname()[1], t4.fileno(), t6.getsockname()[1], t6.fileno(),
        u4.getsockname()[1], u4.fileno()))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(30)
PY
lpid=$!
i=0
while [ ! -s "$tmp/ready" ]; do
	i=$((i + 1)); [ $i -gt 50 ] && fail "listener did not start"
	sleep 0.05
done
read -r pid p4 fd4 p6 fd6 pu fdu < "$tmp/ready"

got=$(q "SELECT pid, fd, protocol, family, address, port FROM listening_ports WHERE port IN ($p4, $p6, $pu) ORDER BY family, protocol")
want="$pid,$fd4,6,2,127.0.0.1,$p4
$pid,$fdu,17,2,127.0.0.1,$pu
$pid,$fd6,6,10,::1,$p6"
[ "$got" = "$want" ] || fail "our listener: want
$want
got
$got"

# Every TCP/UDP listener ss sees, with its holders, against ours.  A
# socket opening or closing in between would differ: try twice.
ss_set() {
	ss -ltnupH | python3 -c '
import re, sys
out = set()
for line in sys.stdin:
    f = line.split()
    if len(f) < 5:
        continue
    proto = "6" if f[0] == "tcp" else "17"
    port = f[4].rsplit(":", 1)[1]
    if port in ("0", "*"):
        continue
    pids = re.findall(r"pid=(\d+),fd=(\d+)", line) or [("-1", "-1")]
    for p, fd in pids:
        out.add("%s %s %s %s" % (proto, port, p, fd))
print("\n".join(sorted(out)))'
}
hq_set() {
	q "SELECT protocol, port, pid, fd FROM listening_ports WHERE family IN (2, 10)" |
	    tr ',' ' ' | sort -u
}
ok=0
for attempt in 1 2; do
	ss_set > "$tmp/ss"; hq_set > "$tmp/hq"
	if cmp -s "$tmp/ss" "$tmp/hq"; then ok=1; break; fi
	sleep 0.2
done
[ $ok = 1 ] || fail "differs from ss -ltnup (protocol port pid fd):
$(diff "$tmp/ss" "$tmp/hq")"

# Unix listeners: ss -lx names the same paths.
ss -lxH | awk '$5 ~ /^[\/@]/ { print $5 }' | sort -u > "$tmp/ssx"
q "SELECT path FROM listening_ports WHERE family = 1" | sort -u > "$tmp/hqx"
for attempt in 1 2; do
	if cmp -s "$tmp/ssx" "$tmp/hqx"; then break; fi
	[ $attempt = 2 ] && fail "unix paths differ from ss -lx:
$(diff "$tmp/ssx" "$tmp/hqx")"
	sleep 0.2
	ss -lxH | awk '$5 ~ /^[\/@]/ { print $5 }' | sort -u > "$tmp/ssx"
	q "SELECT path FROM listening_ports WHERE family = 1" | sort -u > "$tmp/hqx"
done

kill "$lpid"; wait "$lpid" 2>/dev/null; lpid=
got=$(q "SELECT count(*) FROM listening_ports WHERE pid = $pid")
[ "$got" = 0 ] || fail "$got rows of the killed listener remain"
echo "test_listening_ports: ok"
