#!/bin/sh
# interface_addresses against "ip -o addr": the same interfaces,
# addresses and prefix lengths, and loopback as osquery shows it.
# Needs $HOSTQL, ip and python3.
. "$(dirname "$0")/lib.sh"
set -u
HOSTQL=${HOSTQL:-./build/hostql}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q() {
	"$HOSTQL" --csv --noheader "$1" || fail "hostql failed on: $1"
}

got=$(q "SELECT address, mask, broadcast, point_to_point FROM interface_addresses WHERE interface = 'lo' AND address = '127.0.0.1'")
[ "$got" = "127.0.0.1,255.0.0.0,,127.0.0.1" ] ||
    fail "loopback: want 127.0.0.1,255.0.0.0,,127.0.0.1 got '$got'"

# "iface address/prefix" from both; hostql's mask turned into a length.
ip -o addr show | awk '$3 == "inet" || $3 == "inet6" { print $2, $4 }' |
    sort > "$tmp/ip"
q "SELECT interface, address, mask FROM interface_addresses" |
    python3 -c '
import ipaddress, sys
for line in sys.stdin:
    name, addr, mask = line.strip().split(",")
    n = ipaddress.ip_address(mask)
    bits = bin(int(n)).count("1")
    print("%s %s/%d" % (name, addr, bits))' | sort > "$tmp/hq"
cmp -s "$tmp/ip" "$tmp/hq" || fail "differs from ip -o addr:
$(diff "$tmp/ip" "$tmp/hq")"

# Broadcast addresses as ip prints them ("brd X").
ip -o -4 addr show | awk '{ for (i = 1; i < NF; i++) if ($i == "brd") print $2, $(i + 1) }' |
    sort > "$tmp/ipb"
q "SELECT interface, broadcast FROM interface_addresses WHERE broadcast IS NOT NULL AND broadcast != ''" |
    tr ',' ' ' | sort > "$tmp/hqb"
cmp -s "$tmp/ipb" "$tmp/hqb" || fail "broadcast addresses differ:
$(diff "$tmp/ipb" "$tmp/hqb")"
echo "test_interface_addresses: ok"
