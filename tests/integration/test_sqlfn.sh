#!/bin/sh
# osquery's SQL functions and collations end to end, through the
# sandboxed worker, against the system's own tools: dpkg
# --compare-versions, rpm's rpm.vercmp and pacman's libalpm on the
# versions installed here and on hard cases, md5sum, sha1sum,
# sha256sum, base64 and awk on a string, Python's ipaddress on this
# host's addresses, a Python Community ID of this host's sockets, and
# deb_packages sorted by its version_dpkg column.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
: "${TESTDIR:?set TESTDIR to a scratch folder}"
export LC_ALL=C

# hq_err SQL: hostql must fail; its message.
hq_err() {
	if "$HOSTQL" --csv --noheader "$1" >/dev/null 2>"$TESTDIR/err"; then
		fail "hostql did not fail on: $1"
	fi
	cat "$TESTDIR/err"
}

# ---- Values, as osquery documents them ----
expect_eq split "$(hq "SELECT split('192.168.0.1', '.', 1)")" 168
expect_eq split_null "$(hq "SELECT split('a', ',', 5) IS NULL")" 1
expect_eq regex_split "$(hq "SELECT regex_split('192.168.0.1', '\.0', 0)")" \
    192.168
expect_eq regex_match "$(hq "SELECT regex_match('hello world. Goodbye', \
    '(\w+) \w+', 1)")" hello
expect_eq concat "$(hq "SELECT concat('hello', NULL, ' ', 'world')")" \
    "hello world"
expect_eq concat_ws "$(hq "SELECT concat_ws('-', 'a', NULL, 'b')")" a-b
expect_eq parent_directory "$(hq "SELECT parent_directory('/usr/bin/ls')")" \
    /usr/bin
expect_eq inet_aton "$(hq "SELECT inet_aton('1.0.1.5')")" 16777477
expect_eq in_cidr_block "$(hq "SELECT in_cidr_block('2001:db8::/48', \
    '2001:db8:0:ffff:ffff:ffff:ffff:ffff')")" 1
expect_eq community_id "$(hq "SELECT community_id_v1('66.35.250.204', \
    '128.232.110.120', 80, 34855, 6)")" "1:LQU9qZlK+B5F3KDmev6m5PMibrg="
expect_eq version_compare "$(hq "SELECT version_compare('1.0.0~rc2^2021', \
    '1.0.0', 'RHEL')")" -1
expect_eq collate "$(hq "SELECT '20.10a' > '20.102' COLLATE version")" 1
expect_eq ceil "$(hq "SELECT typeof(ceil(1.5)) || ceil(1.5)")" integer2
expect_eq from_base64 "$(hq "SELECT from_base64('Q1BVMA==')")" CPU0

expect_contains regex_error "$(hq_err "SELECT regex_match('x', '(', 0)")" \
    "Invalid regex"
expect_contains split_error "$(hq_err "SELECT split('x', '', 0)")" \
    "Invalid input to split function"
expect_contains sqrt_error "$(hq_err "SELECT sqrt(-1)")" \
    "Numerical argument out of domain"
expect_contains cidr_error "$(hq_err "SELECT in_cidr_block('10.0.0.0/8', \
    '::1')")" "CIDR for IP address v6 cannot be parsed"

# ---- Digests, base64 and log against coreutils and awk ----
s='hostql: SQL over a host ü ~'
for d in md5 sha1 sha256; do
	want=$(printf '%s' "$s" | "${d}sum" | cut -d' ' -f1)
	expect_eq "$d" "$(hq "SELECT $d('$s')")" "$want"
done
want=$(printf '%s' "$s" | base64 -w0)
expect_eq to_base64 "$(hq "SELECT to_base64('$s')")" "$want"
expect_eq from_base64 "$(hq "SELECT from_base64('$want')")" "$s"
expect_eq conditional_to_base64 "$(hq "SELECT conditional_to_base64('$s')")" \
    "$want"
for x in 2 100 107372805120 0.5; do
	want=$(awk "BEGIN { printf \"%.12g\", log($x) }")
	expect_eq "log($x)" "$(hq "SELECT printf('%.12g', log($x))")" "$want"
done

# ---- Versions against the package managers ----
# The versions installed here, and cases that catch the usual mistakes.
{
	dpkg-query -W -f='${Version}\n' 2>/dev/null | sort -u | head -400
	cat <<'EOF'
1.0~rc1
1.0~~
1.0~
1.0
1.0a
1.0+b1
1.0-1
1.0-0
1.0-1ubuntu1
1:0.9
2:1.0
1.00
1.10
1.9
2.36-9+deb12u4
2.36-9+deb12u10
0.9.8zh
EOF
} > "$TESTDIR/versions"
# Pairs: each version with the one seven lines on, and with its neighbour.
awk '{ v[NR] = $0 } END {
	for (i = 1; i <= NR; i++) {
		print v[i], v[(i + 6) % NR + 1]
		print v[i], v[i % NR + 1]
	}
}' "$TESTDIR/versions" > "$TESTDIR/pairs"
npairs=$(wc -l < "$TESTDIR/pairs")
[ "$npairs" -ge 30 ] || fail "only $npairs version pairs"

# hostql's order of every pair in one query: "a b order" lines.
hostql_orders() {
	values=$(awk '{ printf "%s(\047%s\047, \047%s\047)", \
	    (NR > 1 ? ", " : ""), $1, $2 }' "$TESTDIR/pairs")
	hq "SELECT column1 || ' ' || column2 || ' ' || version_compare(column1,
	    column2, '$1') FROM (VALUES $values)"
}

# compare_orders NAME FILE: FILE has "a b order" from the tool.
compare_orders() {
	hostql_orders "$1" > "$TESTDIR/got.$1"
	diff "$2" "$TESTDIR/got.$1" > "$TESTDIR/diff.$1" ||
	    fail "$1 orders differ (tool, then hostql):
$(head -20 "$TESTDIR/diff.$1")"
}

while read -r a b; do
	if dpkg --compare-versions "$a" lt "$b" 2>/dev/null; then
		o=-1
	elif dpkg --compare-versions "$a" eq "$b" 2>/dev/null; then
		o=0
	else
		o=1
	fi
	echo "$a $b $o"
done < "$TESTDIR/pairs" > "$TESTDIR/want.DPKG"
compare_orders DPKG "$TESTDIR/want.DPKG"

if command -v rpm >/dev/null 2>&1; then
	# rpm's Lua print() adds no line break of its own.
	lua=$(awk '{ printf "print(\"%s %s \" .. rpm.vercmp(\"%s\", \"%s\") .. %s) ",
	    $1, $2, $1, $2, nl }' nl='"\\n"' "$TESTDIR/pairs")
	rpm --eval "%{lua: $lua}" | sed '/^$/d' > "$TESTDIR/want.RHEL" ||
	    fail "rpm --eval failed"
	compare_orders RHEL "$TESTDIR/want.RHEL"
else
	echo "test_sqlfn: no rpm, rpm order not compared"
fi

if python3 -c 'import ctypes; ctypes.CDLL("libalpm.so.13")' 2>/dev/null
then
	python3 - "$TESTDIR/pairs" > "$TESTDIR/want.ARCH" <<'EOF' ||
import ctypes, sys
alpm = ctypes.CDLL("libalpm.so.13")
alpm.alpm_pkg_vercmp.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
for line in open(sys.argv[1]):
    a, b = line.split()
    r = alpm.alpm_pkg_vercmp(a.encode(), b.encode())
    print(a, b, (r > 0) - (r < 0))
EOF
	    fail "libalpm's vercmp failed"
	compare_orders ARCH "$TESTDIR/want.ARCH"
else
	echo "test_sqlfn: no libalpm, pacman order not compared"
fi

# ---- A table column declared with collate version_dpkg ----
if "$HOSTQL" --csv --noheader "SELECT 1 FROM deb_packages LIMIT 1" \
    >/dev/null 2>&1; then
	hq "SELECT version FROM deb_packages ORDER BY version" \
	    > "$TESTDIR/sorted"
	[ -s "$TESTDIR/sorted" ] || fail "deb_packages has no rows"
	prev=
	while read -r v; do
		if [ -n "$prev" ] && ! dpkg --compare-versions "$prev" le "$v"
		then
			fail "deb_packages ORDER BY version: $prev before $v"
		fi
		prev=$v
	done < "$TESTDIR/sorted"
fi

# ---- in_cidr_block on this host's addresses, against ipaddress ----
hq "SELECT address, mask FROM interface_addresses WHERE address <> ''" \
    > "$TESTDIR/addrs"
[ -s "$TESTDIR/addrs" ] || fail "no interface addresses"
python3 - "$TESTDIR/addrs" > "$TESTDIR/cidr" <<'EOF' ||
import ipaddress, sys
# The block of each address, and addresses in and around it: the
# network, the first and last hosts, the broadcast, the next network.
for line in open(sys.argv[1]):
    addr, mask = line.strip().split(",")
    ip = ipaddress.ip_address(addr)
    prefix = bin(int(ipaddress.ip_address(mask))).count("1")
    net = ipaddress.ip_network("%s/%d" % (addr, prefix), strict=False)
    cands = {ip, net.network_address, net.broadcast_address}
    for d in (1, -1):
        try:
            cands.add(net.network_address + d)
            cands.add(net.broadcast_address + d)
        except ipaddress.AddressValueError:
            pass
    for c in sorted(cands):
        if ip.version == 4 and prefix == 32:
            want = c == net.network_address
        elif ip.version == 4:
            # osquery's hosts of a v4 block: not network nor broadcast.
            want = net.network_address < c < net.broadcast_address
        else:
            want = c in net
        print("%s/%d %s %d" % (addr, prefix, c, want))
EOF
    fail "python3 ipaddress failed"
values=$(awk '{ printf "%s(\047%s\047, \047%s\047, %s)", \
    (NR > 1 ? ", " : ""), $1, $2, $3 }' "$TESTDIR/cidr")
bad=$(hq "SELECT column1 || ' ' || column2 || ' want ' || column3 FROM
    (VALUES $values) WHERE in_cidr_block(column1, column2) <> column3")
[ -z "$bad" ] || fail "in_cidr_block disagrees with ipaddress: $bad"

# ---- community_id_v1 of this host's sockets, against Python ----
# Connections of our own, so that there is something to hash.
python3 -c '
import socket, sys, time
keep = []
def pair(family, host):
    l = socket.socket(family)
    l.bind((host, 0))
    l.listen()
    c = socket.create_connection(l.getsockname()[:2])
    keep.extend([l, c, l.accept()[0]])
pair(socket.AF_INET, "127.0.0.1")
try:
    pair(socket.AF_INET6, "::1")
except OSError:
    pass
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("127.0.0.1", 0))
u.connect(("127.0.0.1", 9))
print("ready", flush=True)
time.sleep(60)
' > "$TESTDIR/sockets.ready" &
sockets_pid=$!
trap 'kill $sockets_pid 2>/dev/null' EXIT
i=0
until grep -q ready "$TESTDIR/sockets.ready" 2>/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || fail "the test's sockets did not open"
	sleep 0.1
done
hq "SELECT local_address, remote_address, local_port, remote_port,
    protocol, community_id_v1(local_address, remote_address, local_port,
    remote_port, protocol) FROM process_open_sockets
    WHERE family IN (2, 10) AND protocol IN (6, 17)" 2>/dev/null \
    > "$TESTDIR/sockets"
n=$(wc -l < "$TESTDIR/sockets")
[ "$n" -ge 4 ] || fail "only $n sockets to hash"
python3 - "$TESTDIR/sockets" <<'EOF' || fail "community_id_v1 differs"
import base64, hashlib, ipaddress, struct, sys
bad = 0
for line in open(sys.argv[1]):
    sa, da, sp, dp, proto, got = line.strip().split(",")
    s, d = ipaddress.ip_address(sa), ipaddress.ip_address(da)
    sp, dp, proto = int(sp), int(dp), int(proto)
    sk = (s.version, s.packed, sp)
    dk = (d.version, d.packed, dp)
    if not (sk[:2] < dk[:2] or (sk[:2] == dk[:2] and sp < dp)):
        s, d, sp, dp = d, s, dp, sp
    data = struct.pack("!H", 0) + s.packed + d.packed + \
        struct.pack("!BBHH", proto, 0, sp, dp)
    want = "1:" + base64.b64encode(hashlib.sha1(data).digest()).decode()
    if got != want:
        print("%s: got %s, want %s" % (line.strip(), got, want))
        bad += 1
sys.exit(1 if bad else 0)
EOF

echo "test_sqlfn: ok ($npairs version pairs)"
