#!/bin/sh
# users against getent's "files" source (what /etc/passwd says), then the
# uid and username constraints.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

getent -s files passwd | awk -F: '
function q(s) {
	if (s ~ /[,"\n\r]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
	return s
}
function signed(n) { return n >= 2147483648 ? n - 4294967296 : n }
NF == 7 {
	print $3 "," $4 "," signed($3) "," signed($4) "," q($1) "," q($5) \
	    "," q($6) "," q($7) ","
}' | sort >"$tmp/want"
hq "SELECT uid, gid, uid_signed, gid_signed, username, description,
    directory, shell, uuid FROM users" >"$tmp/got.raw"
sort "$tmp/got.raw" >"$tmp/got"
[ -s "$tmp/want" ] || fail "getent -s files passwd listed nobody"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "users differ from getent -s files passwd (< getent, > hostql)"
fi

got=$(hq "SELECT username FROM users WHERE uid = 0")
[ "$got" = root ] || fail "WHERE uid = 0 gave [$got]"
got=$(hq "SELECT uid, shell FROM users WHERE username = 'root'")
want="0,$(getent -s files passwd root | cut -d: -f7)"
[ "$got" = "$want" ] || fail "WHERE username = 'root' gave [$got]"
got=$(hq "SELECT count(*) FROM users WHERE uid IN (0, 4294967000)
    AND username = 'root'")
[ "$got" = 1 ] || fail "uid IN (...) AND username gave [$got]"
got=$(hq "SELECT count(*) FROM users WHERE username = 'no such user'")
[ "$got" = 0 ] || fail "an unknown username gave [$got] rows"
echo "test_users: ok"
