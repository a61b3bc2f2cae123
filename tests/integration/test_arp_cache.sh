#!/bin/sh
# arp_cache against /proc/net/arp (osquery's source) and "ip -4 neigh",
# with neighbours of our own on a veth pair: a permanent one, a stale
# one, an unresolved one, and a NOARP one neither shows.  Needs $HOSTQL
# and ip; runs as root.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'ip link del hqa0 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

ip link add hqa0 type veth peer name hqa1 || fail "cannot create a veth pair"
ip link set hqa0 up
ip link set hqa1 up
ip addr add 198.51.100.1/24 dev hqa0
ip neigh add 198.51.100.7 lladdr 02:00:5e:00:53:07 dev hqa0 nud permanent
ip neigh add 198.51.100.8 lladdr 02:00:5e:00:53:08 dev hqa0 nud stale
ip neigh add 198.51.100.9 dev hqa0 nud incomplete 2>/dev/null
ip neigh add 198.51.100.10 lladdr 02:00:5e:00:53:0a dev hqa0 nud noarp

# "address mac interface permanent", as /proc/net/arp says.
arp_rows() {
	awk 'NR > 1 { print $1, $4, $6, ($3 == "0x6" ? 1 : 0) }' /proc/net/arp |
	    sort
}
arp_rows >"$tmp/before"
hq "SELECT address, mac, interface, permanent FROM arp_cache" |
    tr ',' ' ' | sort >"$tmp/hq"
arp_rows >"$tmp/after"
# Entries of other interfaces come and go; ours are fixed.
if ! cmp -s "$tmp/before" "$tmp/hq" && ! cmp -s "$tmp/after" "$tmp/hq"; then
	fail "differs from /proc/net/arp:
$(diff "$tmp/after" "$tmp/hq")"
fi

got=$(grep ' hqa0 ' "$tmp/hq")
want="198.51.100.7 02:00:5e:00:53:07 hqa0 1
198.51.100.8 02:00:5e:00:53:08 hqa0 0"
if ip neigh show 198.51.100.9 dev hqa0 | grep -q .; then
	want="$want
198.51.100.9 00:00:00:00:00:00 hqa0 0"
fi
expect_eq "hqa0's neighbours" "$got" "$(echo "$want" | sort)"

# ip's view: every resolved IPv4 neighbour hostql shows is there.
for a in 198.51.100.7 198.51.100.8; do
	expect_contains "ip -4 neigh" "$(ip -4 neigh show dev hqa0)" "$a lladdr"
done
got=$(hq "SELECT count(*) FROM arp_cache WHERE address = '198.51.100.10'")
expect_eq "a NOARP entry" "$got" 0
echo "test_arp_cache: ok"
