#!/bin/sh
# suid_bin against find(1) over osquery's directories, following links
# to files but not to directories below the starting points; with
# set-user-ID and set-group-ID files of the test's own in /tmp (one
# owned by ids that have no name, one reached by a link, one behind a
# link to a directory, which is not followed).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
t=$(mktemp -d /tmp/hqsuid.XXXXXX) || exit 1
trap 'rm -rf "$tmp" "$t"' EXIT
trap 'exit 1' INT TERM

chmod 0755 "$t"
printf '#!/bin/sh\n' >"$t/user"
cp "$t/user" "$t/group"
cp "$t/user" "$t/both"
cp "$t/user" "$t/plain"
mkdir -p "$t/deep/er"
cp "$t/user" "$t/deep/er/inner"
chmod 4755 "$t/user" "$t/deep/er/inner"
chmod 2755 "$t/group"
chown 4242:4243 "$t/both"
chmod 6755 "$t/both"
chmod 0755 "$t/plain"
ln -s user "$t/link"
ln -s deep "$t/dirlink"

id_name() {
	getent -s files "$1" "$2" | cut -d: -f1 | grep . || echo "$2"
}

for d in /bin /sbin /usr/bin /usr/sbin /usr/local/bin /usr/local/sbin /tmp; do
	[ -d "$d" ] || continue
	find -H "$d" \( -type f -o -type l \) 2>/dev/null
done | while read -r p; do
	[ -f "$p" ] || continue
	perms=""
	[ -u "$p" ] && perms=S
	[ -g "$p" ] && perms="${perms}G"
	[ -n "$perms" ] || continue
	set -- $(stat -L -c '%u %g' "$p")
	echo "$p,$(id_name passwd "$1"),$(id_name group "$2"),$perms"
done | sort >"$tmp/want"
hq "SELECT path, username, groupname, permissions FROM suid_bin" |
    sort >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "suid_bin differs from find (< find, > hostql)"
fi

grep "^$t/" "$tmp/got" >"$tmp/ours"
cat >"$tmp/want" <<EOF
$t/both,4242,4243,SG
$t/deep/er/inner,root,$(id_name group 0),S
$t/group,root,$(id_name group 0),G
$t/link,root,$(id_name group 0),S
$t/user,root,$(id_name group 0),S
EOF
if ! cmp -s "$tmp/want" "$tmp/ours"; then
	diff "$tmp/want" "$tmp/ours" >&2
	fail "the test's own files (< want, > hostql)"
fi
echo "test_suid_bin: ok"
