#!/bin/sh
# routes against "ip route show table all" for IPv4 and IPv6: the same
# destinations and prefix lengths, in every table, and the loopback
# routes of the local table.  Needs $HOSTQL, ip and python3.
. "$(dirname "$0")/lib.sh"
set -u
HOSTQL=${HOSTQL:-./build/hostql}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q() {
	"$HOSTQL" --csv --noheader "$1" || fail "hostql failed on: $1"
}

got=$(q "SELECT type, interface, source FROM routes WHERE destination = '127.0.0.0' AND netmask = 8")
[ "$got" = "local,lo,127.0.0.1" ] ||
    fail "127.0.0.0/8: want local,lo,127.0.0.1 got '$got'"

# One "destination/length type" line per route, as a multiset: the same
# prefix may be in several tables.
ip_routes() {
	ip "$1" route show table all | python3 -c '
import sys
types = {"local": "local", "broadcast": "broadcast", "anycast": "anycast",
    "multicast": "other", "unreachable": "other", "blackhole": "other",
    "prohibit": "other", "throw": "other", "nat": "other"}
fam = sys.argv[1]
for line in sys.stdin:
    if line[0].isspace():
        continue                # a next hop of a multipath route
    f = line.split()
    kind = "gateway"
    if f[0] in types:
        kind = types[f[0]]
        f = f[1:]
    dst = f[0]
    if dst == "default":
        dst = "0.0.0.0/0" if fam == "4" else "::/0"
    elif "/" not in dst:
        dst += "/32" if fam == "4" else "/128"
    print(dst, kind)' "${1#-}" | sort
}
ip_routes -4 > "$tmp/ip"
ip_routes -6 >> "$tmp/ip"
sort -o "$tmp/ip" "$tmp/ip"
q "SELECT destination, netmask, type FROM routes" |
    awk -F, '{ print $1 "/" $2, $3 }' | sort > "$tmp/hq"
cmp -s "$tmp/ip" "$tmp/hq" || fail "differs from ip route show table all:
$(diff "$tmp/ip" "$tmp/hq")"

# Gateways of the default routes.
gw=$(ip -4 route show default | awk '$2 == "via" { print $3; exit }')
if [ -n "$gw" ]; then
	got=$(q "SELECT count(*) FROM routes WHERE destination = '0.0.0.0' AND netmask = 0 AND gateway = '$gw'")
	[ "$got" -ge 1 ] || fail "default route via $gw missing"
fi
echo "test_routes: ok"
