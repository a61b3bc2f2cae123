#!/bin/sh
# interface_ipv6 against /proc/sys/net/ipv6/conf, combined as osquery
# combines an interface's setting with the global one, on every
# interface and on a veth pair of our own set up as a router that takes
# router advertisements anyway (accept_ra 2).  Needs $HOSTQL, ip and
# python3; runs as root.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'ip link del hqv6a 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

q() {
	timeout 20 "$HOSTQL" --csv --noheader "$1" 2>"$tmp/err" ||
	    fail "hostql failed on: $1: $(cat "$tmp/err")"
	[ ! -s "$tmp/err" ] || fail "warnings on: $1: $(cat "$tmp/err")"
}

ip link add hqv6a type veth peer name hqv6b || fail "cannot create a veth pair"
conf=/proc/sys/net/ipv6/conf
if [ -d "$conf/hqv6a" ]; then
	echo 1 >"$conf/hqv6a/forwarding"
	echo 2 >"$conf/hqv6a/accept_ra"
	echo 7 >"$conf/hqv6a/hop_limit"
	echo 0 >"$conf/hqv6b/accept_redirects"
fi

q "SELECT interface, hop_limit, forwarding_enabled, redirect_accept,
    rtadv_accept FROM interface_ipv6" | sort >"$tmp/hq"
python3 - <<'EOF' | sort >"$tmp/want"
import os
conf = "/proc/sys/net/ipv6/conf/"

def value(iface, name):
    try:
        return int(open(conf + iface + "/" + name).read())
    except (OSError, ValueError):
        return -1

for iface in sorted(os.listdir("/sys/class/net")):
    fwd = value(iface, "forwarding")
    red, ired = value("all", "accept_redirects"), value(iface, "accept_redirects")
    ra = value(iface, "accept_ra")
    redirect = int(bool(red and ired)) if fwd else int(bool(red or ired))
    rtadv = 1 if ra == 2 else int(bool(ra and not fwd))
    print("%s,%d,%d,%d,%d" % (iface, value(iface, "hop_limit"), fwd,
        redirect, rtadv))
EOF
cmp -s "$tmp/want" "$tmp/hq" || fail "differs from /proc/sys/net/ipv6/conf:
$(diff "$tmp/want" "$tmp/hq")"

if [ -d "$conf/hqv6a" ]; then
	got=$(q "SELECT hop_limit, forwarding_enabled, redirect_accept,
	    rtadv_accept FROM interface_ipv6 WHERE interface = 'hqv6a'")
	want="7,1,$(( $(cat $conf/all/accept_redirects) != 0 )),1"
	expect_eq "hqv6a as a router" "$got" "$want"
fi
echo "test_interface_ipv6: ok"
