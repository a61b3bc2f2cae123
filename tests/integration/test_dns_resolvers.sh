#!/bin/sh
# dns_resolvers against glibc's own resolver state (res_init and _res,
# printed by tests/tools/resinfo.c): on the host's /etc/resolv.conf,
# and on files of our own bind-mounted over it in a mount and UTS
# namespace with a host name that has a domain.  Needs $HOSTQL, a C
# compiler and unshare; runs as root.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
: "${ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

cc -o "$tmp/resinfo" "$ROOT/tests/tools/resinfo.c" ||
    fail "cannot build tests/tools/resinfo.c"
QUERY="SELECT id, type, address, netmask, options FROM dns_resolvers"

# The host as it is.
timeout 10 "$tmp/resinfo" >"$tmp/want" || fail "res_init failed"
hq "$QUERY" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "differs from glibc:
$(diff "$tmp/want" "$tmp/got")"

# compare NAME: the file $tmp/NAME as /etc/resolv.conf, both ways.
compare() {
	chmod 644 "$tmp/$1"
	timeout 30 unshare -mu sh -c '
		mount --bind "$1" /etc/resolv.conf || exit 1
		hostname host.dom.example || exit 1
		timeout 10 "$2" >"$1.want" || exit 1
		"$3" --csv --noheader "$4" >"$1.got"' sh "$tmp/$1" \
	    "$tmp/resinfo" "$HOSTQL" "$QUERY" || fail "$1: could not run"
	cmp -s "$tmp/$1.want" "$tmp/$1.got" || fail "$1 differs from glibc:
$(diff "$tmp/$1.want" "$tmp/$1.got")"
}

cat >"$tmp/full" <<'EOF'
# comment
; other comment
nameserver 10.1
nameserver   192.168.1.1 trailing words
nameserver not-an-address
nameserver 2001:db8::1
nameserver 8.8.8.8
search a.example b.example	c.example
domain ignored.example
search x.example y.example
sortlist 130.155.160.0/255.255.240.0 130.155.0.0 10.0.0.1&255.0.255.0 200.1.1.1
options rotate edns0 ndots:3 single-request trust-ad rotatexx unknown
options use-vc
 nameserver 1.1.1.1
EOF
compare full
printf 'nameserver 1.2.3.4\ndomain only.example extra\noptions single-request-reopen no-tld-query\n' >"$tmp/domain"
compare domain
# No search line: the domain of the host name.  No file at all: glibc's
# defaults.
printf 'nameserver 192.0.2.53\n' >"$tmp/nosearch"
compare nosearch
: >"$tmp/empty"
compare empty
printf 'search s1 s2 s3 s4 s5 s6 s7\nsortlist 1.1.1.1 2.2.2.2 3.3.3.3 4.4.4.4 5.5.5.5 6.6.6.6 7.7.7.7 8.8.8.8 9.9.9.9 10.10.10.10 11.11.11.11\n' >"$tmp/limits"
compare limits
grep -q ',search,dom.example,' "$tmp/nosearch.got" ||
    fail "no search domain from the host name: $(cat "$tmp/nosearch.got")"

# /etc/resolv.conf as a link out of /etc (systemd-resolved's stub, in
# /run): read where it leads, under the policy's rule for that file.  A
# copy of /etc is mounted over /etc in a namespace to hold the link.
cp -a /etc "$tmp/etc" || fail "cannot copy /etc"
mkdir "$tmp/run"
printf 'nameserver 203.0.113.53\nsearch linked.example\n' >"$tmp/run/stub.conf"
chmod -R a+rX "$tmp/run"
rm -f "$tmp/etc/resolv.conf"
ln -s "../$tmp/run/stub.conf" "$tmp/etc/resolv.conf"
"$HOSTQL" --policy >"$tmp/policy"
echo "allow read $tmp/run/*" >>"$tmp/policy"
timeout 30 unshare -m sh -c '
	mount --bind "$1/etc" /etc || exit 1
	timeout 10 "$2" >"$1/link.want" || exit 1
	"$3" --csv --noheader "$4" >"$1/link.default" 2>"$1/link.err"
	"$3" --policy_path "$1/policy" --csv --noheader "$4" >"$1/link.got"' \
    sh "$tmp" "$tmp/resinfo" "$HOSTQL" "$QUERY" || fail "link: could not run"
cmp -s "$tmp/link.want" "$tmp/link.got" || fail "through a link, differs:
$(diff "$tmp/link.want" "$tmp/link.got")"
grep -q 203.0.113.53 "$tmp/link.want" || fail "the link was not used"
# Where the policy does not allow the target: a warning naming it, no
# rows (not glibc's defaults, which would be a lie).
[ ! -s "$tmp/link.default" ] || fail "refused link gave rows"
expect_contains "refused link" "$(cat "$tmp/link.err")" "$tmp/run/stub.conf"

# pid_with_namespace is osquery's 0 on every row.
got=$(hq "SELECT count(*) FROM dns_resolvers WHERE pid_with_namespace != 0")
expect_eq "pid_with_namespace" "$got" 0
echo "test_dns_resolvers: ok"
