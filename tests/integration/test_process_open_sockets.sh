#!/bin/sh
# process_open_sockets: a process of our own with a TCP listener, a
# connection to it (both ends), a UDP socket and a unix listener must show
# with the right fds and states under "WHERE pid = X", its TCP sockets
# must match what ss says, and they must be gone once it is killed.
# Needs $HOSTQL, python3 and ss.
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

python3 - "$tmp/ready" "$tmp/sock" <<'PY' &
import os, socket, sys, time
t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
t.bind(("127.0.0.1", 0)); t.listen(4)
c = socket.create_connection(t.getsockname())
a, _ = t.accept()
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u.bind(("::1", 0))
x = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
x.bind(sys.argv[2]); x.listen(1)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write("%d %d %d %d %d %d %d %d %d\n" % (os.getpid(),
        t.getsockname()[1], t.fileno(), c.getsockname()[1], c.fileno(),
        a.fileno(), u.getsockname()[1], u.fileno(), x.fileno()))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
time.sleep(30)
PY
lpid=$!
i=0
while [ ! -s "$tmp/ready" ]; do
	i=$((i + 1)); [ $i -gt 50 ] && fail "test process did not start"
	sleep 0.05
done
read -r pid lport lfd cport cfd afd uport ufd xfd < "$tmp/ready"

got=$(q "SELECT fd, family, protocol, local_address, local_port, remote_address, remote_port, path, state FROM process_open_sockets WHERE pid = $pid ORDER BY fd")
want=$(sort -t, -k1,1n <<EOT
$lfd,2,6,127.0.0.1,$lport,0.0.0.0,0,,LISTEN
$cfd,2,6,127.0.0.1,$cport,127.0.0.1,$lport,,ESTABLISHED
$afd,2,6,127.0.0.1,$lport,127.0.0.1,$cport,,ESTABLISHED
$ufd,10,17,::1,$uport,::,0,,
$xfd,1,0,,0,,0,$tmp/sock,
EOT
)
[ "$got" = "$want" ] || fail "sockets of pid $pid: want
$want
got
$got"

# The whole table agrees with ss on every TCP socket a process holds.
ss_set() {
	ss -tanpH | python3 -c '
import re, sys
out = set()
for line in sys.stdin:
    f = line.split()
    for p, fd in re.findall(r"pid=(\d+),fd=(\d+)", line):
        out.add("%s %s %s %s" % (f[3].rsplit(":", 1)[1],
            f[4].rsplit(":", 1)[1].replace("*", "0"), p, fd))
print("\n".join(sorted(out)))'
}
hq_set() {
	q "SELECT local_port, remote_port, pid, fd FROM process_open_sockets WHERE protocol = 6 AND pid > 0" |
	    tr ',' ' ' | sort -u
}
ok=0
for attempt in 1 2 3; do
	ss_set > "$tmp/ss"; hq_set > "$tmp/hq"
	if cmp -s "$tmp/ss" "$tmp/hq"; then ok=1; break; fi
	sleep 0.2
done
[ $ok = 1 ] || fail "TCP sockets differ from ss -tanp (lport rport pid fd):
$(diff "$tmp/ss" "$tmp/hq")"

kill "$lpid"; wait "$lpid" 2>/dev/null; lpid=
got=$(q "SELECT count(*) FROM process_open_sockets WHERE pid = $pid")
[ "$got" = 0 ] || fail "$got sockets of the killed process remain"
echo "test_process_open_sockets: ok"
