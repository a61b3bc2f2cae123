#!/bin/sh
# sudoers against the files sudo reads: a file of the test's own in
# /etc/sudoers.d (a continued line, an @include of a relative path) that
# visudo -c accepts and sudo -l lists, files sudo ignores there (a '.' in
# the name, a '~' at its end), and /etc/sudoers itself.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
command -v visudo >/dev/null || fail "visudo (sudo) is missing"
tmp=$(mktemp -d) || exit 1
d=/etc/sudoers.d
cleanup() {
	rm -rf "$d/hqtest" "$d/hqtest.inc" "$d/hq.ignored" "$d/hqtest~" "$tmp"
	userdel hqsu_user 2>/dev/null
}
trap cleanup EXIT
trap 'exit 1' INT TERM

cleanup
mkdir -p "$tmp"
useradd -M -s /usr/sbin/nologin hqsu_user || fail "useradd"
mkdir -p "$d"
mkdir -m 0755 "$d/hqtest.inc"
cat >"$d/hqtest" <<'EOF'
# rules of the sudoers test
Defaults:hqsu_user    !requiretty
Cmnd_Alias  HQ_CMDS = /usr/bin/id, \
	/usr/bin/true
hqsu_user ALL=(root) NOPASSWD: HQ_CMDS
@include hqtest.inc/extra
EOF
echo 'hqsu_user ALL=(root) /usr/bin/whoami' >"$d/hqtest.inc/extra"
echo 'hqsu_user ALL=(ALL) ALL' >"$d/hq.ignored"
echo 'hqsu_user ALL=(ALL) ALL' >"$d/hqtest~"
chmod 0440 "$d/hqtest" "$d/hqtest.inc/extra" "$d/hq.ignored" "$d/hqtest~"
visudo -c >"$tmp/visudo" 2>&1 || fail "visudo -c: $(cat "$tmp/visudo")"

hq "SELECT source, header, rule_details FROM sudoers" >"$tmp/rows"
grep "^$d/hqtest," "$tmp/rows" >"$tmp/got"
cat >"$tmp/want" <<EOF
$d/hqtest,Defaults:hqsu_user,!requiretty
$d/hqtest,Cmnd_Alias,"HQ_CMDS = /usr/bin/id, /usr/bin/true"
$d/hqtest,hqsu_user,ALL=(root) NOPASSWD: HQ_CMDS
$d/hqtest,include,$d/hqtest.inc/extra
EOF
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "rows of $d/hqtest (< want, > hostql)"
fi
got=$(grep -A1 "^$d/hqtest,include," "$tmp/rows" | tail -1)
expect_eq "the included file, right after its include" "$got" \
    "$d/hqtest.inc/extra,hqsu_user,ALL=(root) /usr/bin/whoami"
if grep -q -e "hq.ignored" -e "hqtest~" "$tmp/rows"; then
	fail "a file sudo ignores was read"
fi

# sudo itself reads the same rules.
sudo -l -U hqsu_user >"$tmp/sudo" 2>&1 || fail "sudo -l: $(cat "$tmp/sudo")"
for cmd in /usr/bin/whoami /usr/bin/id /usr/bin/true; do
	grep -q "$cmd" "$tmp/sudo" || fail "sudo -l does not list $cmd"
done

# /etc/sudoers: its rule lines, blanks squeezed, in order.
awk '
/^[ \t]*$/ { next }
/^[ \t]*#/ && !/^[ \t]*#include/ && !/^[ \t]*#[0-9]/ { next }
{
	sub(/^[ \t]+/, ""); sub(/[ \t\r]+$/, ""); gsub(/[ \t]+/, " ")
	h = $0; sub(/ .*/, "", h)
	r = $0; if (!sub(/^[^ ]* /, "", r)) r = ""
	if (h == "#includedir" || h == "@includedir") h = "includedir"
	else if (h == "#include" || h == "@include") h = "include"
	if (r ~ /[,"]/) { gsub(/"/, "\"\"", r); r = "\"" r "\"" }
	print "/etc/sudoers," h "," r
}' /etc/sudoers >"$tmp/want"
grep '^/etc/sudoers,' "$tmp/rows" >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "rows of /etc/sudoers (< the file, > hostql)"
fi
echo "test_sudoers: ok"
