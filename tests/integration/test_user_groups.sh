#!/bin/sh
# user_groups against id -G for a user of the test's own (a primary
# group and two supplementary ones), and against what getent's "files"
# source says for every account; then the uid and gid constraints.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
cleanup() {
	userdel hqug_user 2>/dev/null
	groupdel hqug_one 2>/dev/null
	groupdel hqug_two 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

cleanup
mkdir -p "$tmp"
groupadd hqug_one && groupadd hqug_two || fail "groupadd"
useradd -M -s /usr/sbin/nologin -G hqug_one,hqug_two hqug_user ||
    fail "useradd"
uid=$(id -u hqug_user)

# id -G: the primary group, then the others.
id -G hqug_user | tr ' ' '\n' | sort -n >"$tmp/want"
hq "SELECT gid FROM user_groups WHERE uid = $uid" | sort -n >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" ||
    fail "groups of hqug_user: id -G says $(cat "$tmp/want" | tr '\n' ' '), hostql $(cat "$tmp/got" | tr '\n' ' ')"
expect_eq "rows of hqug_user" "$(wc -l <"$tmp/got")" 3

# Every account of the files, each uid once, as getgrouplist() gives it.
getent -s files group >"$tmp/group"
getent -s files passwd | awk -F: '
NR == FNR {
	n = split($4, m, ",")
	for (i = 1; i <= n; i++)
		members[m[i]] = members[m[i]] " " $3
	next
}
!($3 in seen) {
	seen[$3] = 1
	delete given
	print $3 "," $4
	given[$4] = 1
	n = split(members[$1], g, " ")
	for (i = 1; i <= n; i++)
		if (!(g[i] in given)) {
			given[g[i]] = 1
			print $3 "," g[i]
		}
}' "$tmp/group" - | sort >"$tmp/want"
hq "SELECT uid, gid FROM user_groups" | sort >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "user_groups differs from getent -s files (< getent, > hostql)"
fi

gid=$(getent group hqug_two | cut -d: -f3)
got=$(hq "SELECT uid FROM user_groups WHERE gid = $gid")
expect_eq "WHERE gid = hqug_two" "$got" "$uid"
got=$(hq "SELECT count(*) FROM user_groups WHERE uid IN (0, $uid)
    AND gid = 0")
expect_eq "uid IN (...) AND gid = 0" "$got" 1
echo "test_user_groups: ok"
