#!/bin/sh
# etc_services and etc_protocols against getent (glibc reading the same
# files), and etc_hosts against getent on a hosts file of our own with
# comments, tabs and CRLF, bind-mounted on /etc/hosts in a mount
# namespace so the host's file is never touched.  Needs $HOSTQL, getent
# and unshare; runs as root.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# "name port/proto aliases", single-spaced, in the file's order.
getent services | awk '{ $1 = $1; print }' >"$tmp/want"
hq "SELECT name, port, protocol, aliases FROM etc_services" |
    awk -F, '{ s = $1 " " $2 "/" $3; if ($4 != "") s = s " " $4; print s }' \
    >"$tmp/got"
[ -s "$tmp/want" ] || fail "getent services listed nothing"
cmp -s "$tmp/want" "$tmp/got" || fail "etc_services differs from getent:
$(diff "$tmp/want" "$tmp/got" | head -20)"
got=$(hq "SELECT name, protocol FROM etc_services WHERE port = 22 AND protocol = 'tcp'")
expect_eq "port 22" "$got" "$(getent services 22/tcp | awk '{ print $1 }'),tcp"

# "name number first-alias": the table keeps osquery's single alias.
getent protocols | awk '{ s = $1 " " $2; if (NF > 2) s = s " " $3; print s }' \
    >"$tmp/want"
hq "SELECT name, number, alias FROM etc_protocols" |
    awk -F, '{ s = $1 " " $2; if ($3 != "") s = s " " $3; print s }' \
    >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "etc_protocols differs from getent:
$(diff "$tmp/want" "$tmp/got" | head -20)"

printf '%s\n' "127.0.0.1	localhost" "127.0.1.1	box.example.org	box" "" \
    "# a comment line" "::1     localhost ip6-localhost ip6-loopback" \
    "  10.0.0.5   db   db.internal    # primary" \
    "10.0.0.6 cache#no space" "#10.0.0.7 disabled" >"$tmp/hosts"
printf '192.0.2.10 tabs\t\tand   spaces\r\n' >>"$tmp/hosts"
chmod 644 "$tmp/hosts"
timeout 30 unshare -m sh -c '
	mount --bind "$1" /etc/hosts || exit 1
	getent hosts >"$2/getent" || exit 1
	"$3" --csv --noheader "SELECT address, hostnames, pid_with_namespace
	    FROM etc_hosts" >"$2/hq"' sh "$tmp/hosts" "$tmp" "$HOSTQL" ||
    fail "could not query a hosts file of our own"
want="127.0.0.1,localhost,0
127.0.1.1,box.example.org box,0
::1,localhost ip6-localhost ip6-loopback,0
10.0.0.5,db db.internal,0
10.0.0.6,cache,0
192.0.2.10,tabs and spaces,0"
expect_eq "etc_hosts" "$(cat "$tmp/hq")" "$want"
# glibc's IPv4 entries: each the same address and names.
awk '$1 ~ /^[0-9.]+$/ && $1 != "127.0.0.1" { $1 = $1; print }' "$tmp/getent" |
    sort >"$tmp/want"
awk -F, '$1 ~ /^[0-9.]+$/ && $1 != "127.0.0.1" { print $1 " " $2 }' "$tmp/hq" |
    sort >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "etc_hosts differs from getent hosts:
$(diff "$tmp/want" "$tmp/got")"

# The system's own file, whatever it holds, gives a row per entry.
want=$(grep -v '^[[:space:]]*#' /etc/hosts | grep -c '[^[:space:]]')
got=$(hq "SELECT count(*) FROM etc_hosts")
expect_eq "rows of /etc/hosts" "$got" "$want"
echo "test_etc_netdb: ok"
