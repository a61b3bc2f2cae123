#!/bin/sh
# groups against getent's "files" source (what /etc/group says), then the
# gid constraint.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

getent -s files group | awk -F: '
function q(s) {
	if (s ~ /[,"\n\r]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
	return s
}
function signed(n) { return n >= 2147483648 ? n - 4294967296 : n }
NF == 4 { print $3 "," signed($3) "," q($1) }' | sort >"$tmp/want"
hq "SELECT gid, gid_signed, groupname FROM groups" >"$tmp/got.raw"
sort "$tmp/got.raw" >"$tmp/got"
[ -s "$tmp/want" ] || fail "getent -s files group listed no group"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "groups differ from getent -s files group (< getent, > hostql)"
fi

want=$(getent -s files group 0 | cut -d: -f1)
got=$(hq "SELECT groupname FROM groups WHERE gid = 0")
[ "$got" = "$want" ] || fail "WHERE gid = 0 gave [$got], want [$want]"
got=$(hq "SELECT count(*) FROM groups WHERE gid IN (0, 4294967000)")
[ "$got" = 1 ] || fail "WHERE gid IN (...) gave [$got] rows"
echo "test_groups: ok"
