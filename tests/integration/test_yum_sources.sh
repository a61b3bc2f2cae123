#!/bin/sh
# yum_sources against Python's configparser reading the same files: a
# .repo file this script writes to /etc/yum.repos.d (with every odd line
# dnf takes), with the host's own repositories if it has any; then, on a
# host without /etc/yum.conf, a yum.conf of the script's whose reposdir
# names a directory of its own.  Everything written is removed at exit.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-yum.XXXXXX") || exit 1
reposd=/etc/yum.repos.d
made_reposd=
made_conf=
cleanup() {
	rm -f "$reposd/hostql-test.repo" "$reposd/hostql-test.repo.off"
	[ -n "$made_reposd" ] && rmdir "$reposd"
	[ -n "$made_conf" ] && rm -f /etc/yum.conf
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

if [ ! -d "$reposd" ]; then
	mkdir "$reposd" || fail "cannot make $reposd"
	made_reposd=1
fi
cat > "$reposd/hostql-test.repo" <<'EOF'
; hostql's test, removed when it ends
[hostql-test]
name=Hostql test - $basearch
baseurl=http://a.hostql-test.invalid/repo/$releasever/
	http://b.hostql-test.invalid/repo/$releasever/

        http://c.hostql-test.invalid/repo/$releasever/
enabled=1
gpgcheck=0
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-hostql

[hostql-test-mirrors]
name = Spaced name
mirrorlist = https://mirrors.hostql-test.invalid/list?repo=x&arch=$basearch
metalink=https://mirrors.hostql-test.invalid/metalink
enabled=0
# a comment between options
gpgcheck=1

[hostql-test-bare]
EOF
echo '[not-read]' > "$reposd/hostql-test.repo.off"

# What configparser makes of the files: one row per section but [main],
# a value's lines joined with single spaces.
want() {
	python3 - "$@" <<'EOF' | sort
import configparser, sys
keys = ["name", "baseurl", "mirrorlist", "metalink", "enabled",
    "gpgcheck", "gpgkey"]
for path in sys.argv[1:]:
    cp = configparser.ConfigParser(interpolation=None, strict=False)
    cp.read(path)
    for s in cp.sections():
        if s == "main":
            continue
        row = [path]
        for k in keys:
            v = cp[s].get(k)
            row.append("" if v is None else
                " ".join(l.strip() for l in v.splitlines() if l.strip()))
        print("|".join(row))
EOF
}

got() {
	"$HOSTQL" "$@" --json "SELECT * FROM yum_sources" 2>"$tmp/err" |
	    python3 -c '
import json, sys
keys = ["source", "name", "baseurl", "mirrorlist", "metalink", "enabled",
    "gpgcheck", "gpgkey"]
for r in json.load(sys.stdin):
    print("|".join("" if r[k] is None else r[k] for k in keys))
' | sort
}

conf=
[ -f /etc/yum.conf ] && conf=/etc/yum.conf
# The host's own repositories, as dnf finds them by default.
repos=$(ls /etc/yum.repos.d/*.repo /etc/yum/repos.d/*.repo \
    /etc/distro.repos.d/*.repo 2>/dev/null)
# shellcheck disable=SC2086
want $conf $repos > "$tmp/want"
got > "$tmp/got" || fail "hostql failed: $(cat "$tmp/err")"
grep -q '^/etc/yum.repos.d/hostql-test.repo|Hostql test - $basearch|http://a.hostql-test.invalid/repo/$releasever/ http://b.hostql-test.invalid/repo/$releasever/ http://c' "$tmp/want" ||
    fail "configparser did not read the test's file: $(cat "$tmp/want")"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "yum_sources differs from configparser (< python, > hostql)"
fi

# yum.conf's reposdir replaces the default directories.
if [ -z "$conf" ]; then
	mkdir "$tmp/one" "$tmp/two"
	printf '[main]\ngpgcheck=1\nreposdir=%s, %s\n\n[inline]\nname=In yum.conf\nbaseurl=http://inline.hostql-test.invalid/\n' \
	    "$tmp/one" "$tmp/two" > /etc/yum.conf
	made_conf=1
	printf '[one]\nname=One\n' > "$tmp/one/one.repo"
	printf '[two]\nname=Two\nenabled=0\n' > "$tmp/two/two.repo"
	{ "$HOSTQL" --policy | grep -v '^#'; echo "allow read $tmp/**"; } \
	    > "$tmp/policy"
	want /etc/yum.conf "$tmp/one/one.repo" "$tmp/two/two.repo" \
	    > "$tmp/want"
	got --policy_path "$tmp/policy" > "$tmp/got" ||
	    fail "hostql failed: $(cat "$tmp/err")"
	[ "$(wc -l < "$tmp/want")" -eq 3 ] || fail "python read $(cat "$tmp/want")"
	cmp -s "$tmp/want" "$tmp/got" || fail "with reposdir: $(diff \
	    "$tmp/want" "$tmp/got")"
fi
echo "test_yum_sources: ok"
