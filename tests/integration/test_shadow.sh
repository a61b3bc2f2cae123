#!/bin/sh
# shadow against getent's "files" source and passwd -S: accounts of the
# test's own in every state a password can be in (hashed with several
# methods, locked with a hash behind the '!', "*", "!!", empty, a DES
# hash with no method prefix) and with ageing set by chage.  The hashes
# are made up; none of them may show in anything hostql prints.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
users="hqsh_sha hqsh_yes hqsh_lock hqsh_star hqsh_notset hqsh_empty hqsh_des hqsh_new"
cleanup() {
	for u in $users; do
		userdel "$u" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

for u in $users; do
	userdel "$u" 2>/dev/null
	useradd -M -s /usr/sbin/nologin "$u" || fail "useradd $u"
done
usermod -p '$6$hqsalt01$MadeUpNotAHashMadeUpNotAHashMadeUpNotAHash0123456789' \
    hqsh_sha
usermod -p '$y$j9T$hqsalt02$MadeUpNotAHashMadeUpNotAHash012345' hqsh_yes
usermod -p '!$6$hqsalt03$MadeUpNotAHashMadeUpNotAHash' hqsh_lock
usermod -p '*' hqsh_star
usermod -p '!!' hqsh_notset
passwd -q -d hqsh_empty || passwd -d hqsh_empty >/dev/null
usermod -p 'hqJnggxhB/yWI' hqsh_des
chage -m 1 -M 90 -W 14 -I 30 -E 2030-01-01 hqsh_sha
chage -d 19000 hqsh_yes

# The fields as getent gives them, read with the rules of the table:
# the method is the $id$ after any '!' and '*'.
getent -s files shadow | awk -F: '
function num(s) { return s == "" ? -1 : s }
NF == 9 {
	pw = $2
	if (pw == "") st = "empty"
	else if (pw == "!!") st = "not_set"
	else if (pw ~ /^[!*]/) st = "locked"
	else st = "active"
	alg = pw
	sub(/^[!*]+/, "", alg)
	if (match(alg, /^\$[A-Za-z0-9_]+\$/))
		alg = substr(alg, 2, RLENGTH - 2)
	else
		alg = ""
	print st "," alg "," num($3) "," num($4) "," num($5) "," num($6) \
	    "," num($7) "," num($8) "," num($9) "," $1
}' | sort >"$tmp/want"
hq "SELECT password_status, hash_alg, last_change, min, max, warning,
    inactive, expire, flag, username FROM shadow" >"$tmp/got.raw"
sort "$tmp/got.raw" >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "shadow differs from getent -s files shadow (< getent, > hostql)"
fi
for u in $users; do
	grep -q ",$u\$" "$tmp/got" || fail "no row for $u"
done
expect_eq "hqsh_sha" "$(grep ',hqsh_sha$' "$tmp/got")" \
    "active,6,$(getent shadow hqsh_sha | cut -d: -f3),1,90,14,30,21915,-1,hqsh_sha"
expect_eq "hqsh_lock" "$(grep ',hqsh_lock$' "$tmp/got" | cut -d, -f1,2)" \
    "locked,6"
expect_eq "hqsh_des" "$(grep ',hqsh_des$' "$tmp/got" | cut -d, -f1,2)" \
    "active,"

# passwd -S: L is locked (or never set), NP empty, P a usable password.
passwd -S -a | awk '{ print $1, $2 }' | while read -r name st; do
	row=$(grep ",$name\$" "$tmp/got" | cut -d, -f1)
	case "$st" in
	L) [ "$row" = locked ] || [ "$row" = not_set ] ;;
	NP) [ "$row" = empty ] ;;
	P) [ "$row" = active ] ;;
	*) true ;;
	esac || fail "passwd -S says $st for $name, hostql says '$row'"
done || exit 1

# Nothing of a hash comes out, whatever is asked.
"$HOSTQL" --json "SELECT * FROM shadow" >"$tmp/all" 2>&1 ||
    fail "SELECT * FROM shadow failed"
if grep -q -e hqsalt -e MadeUp -e hqJnggx "$tmp/all"; then
	fail "a hash came out of the shadow table"
fi

# The username constraint.
got=$(hq "SELECT username, password_status FROM shadow
    WHERE username IN ('hqsh_star', 'hqsh_notset', 'no such user')" | sort)
expect_eq "WHERE username IN (...)" "$got" \
    "$(printf 'hqsh_notset,not_set\nhqsh_star,locked')"
echo "test_shadow: ok"
