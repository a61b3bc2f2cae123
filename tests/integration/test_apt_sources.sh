#!/bin/sh
# apt_sources against apt-get indextargets: the "deb" sources APT reads
# (URI, suite, the file that names them) and what their Release files
# say; first this system's, then with a one-line and a deb822 file this
# script adds to sources.list.d and a Release file it leaves where APT
# keeps them (all removed at exit).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-apt.XXXXXX") || exit 1
parts=/etc/apt/sources.list.d
lists=/var/lib/apt/lists
release="$lists/hostql-test.invalid_debian_dists_hostql-stable_Release"
cleanup() {
	rm -f "$parts/hostql-test.list" "$parts/hostql-test.sources" \
	    "$parts/hostql-test.list.disabled" "$release"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

command -v apt-get >/dev/null || fail "apt-get is needed"

# APT's "deb" sources, one line per URI and suite with the file that
# names it; with release info, only those whose Release file APT
# fetched and trusts, and what that file says.
apt_rows() {
	apt-get indextargets "$@" --format \
	    '$(TARGET_OF)|$(REPO_URI)|$(RELEASE)|$(SOURCESENTRY)|$(CODENAME)|$(VERSION)|$(ORIGIN)' |
	    awk -F'|' '$1 == "deb" {
		sub(/\/+$/, "", $2)
		sub(/:[0-9]+$/, "", $4)
		print $2 "|" $3 "|" $4 "|" $5 "|" $6 "|" $7
	    }' | sort -u
}

hostql_rows() {
	"$HOSTQL" --json "SELECT name, base_uri, source, release, version,
	    maintainer FROM apt_sources" 2>"$tmp/err" | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    suite = r["name"].rsplit(" ", 1)[1]
    f = lambda c: "" if r[c] is None else r[c]
    print("|".join([r["base_uri"], suite, r["source"], f("release"),
        f("version"), f("maintainer")]))
' | sort -u
}

compare() {
	hostql_rows > "$tmp/got" || fail "hostql failed: $(cat "$tmp/err")"
	apt_rows --no-release-info | cut -d'|' -f1-3 > "$tmp/want"
	cut -d'|' -f1-3 "$tmp/got" > "$tmp/got.sources"
	if ! cmp -s "$tmp/want" "$tmp/got.sources"; then
		diff "$tmp/want" "$tmp/got.sources" >&2
		fail "$1: sources differ from apt-get indextargets" \
		    "(< apt, > hostql)"
	fi
	apt_rows > "$tmp/want"
	missing=$(comm -23 "$tmp/want" "$tmp/got")
	[ -z "$missing" ] || fail "$1: Release fields differ from apt-get" \
	    "indextargets for: $missing"
}

compare "this system"
[ -s "$tmp/want" ] || echo "test_apt_sources: note: no deb source here"

cat > "$parts/hostql-test.list" <<'EOF'
# hostql's test; removed when it ends
deb [ arch=amd64 ] http://hostql-test.invalid/debian/ hostql-stable main contrib
deb-src http://hostql-test.invalid/debian hostql-stable main
deb http://hostql-test.invalid/flat/ ./
EOF
cat > "$parts/hostql-test.sources" <<'EOF'
Types: deb deb-src
URIs: http://hostql-test.invalid/a https://hostql-test.invalid/b/
Suites: one two
Components: main

Types: deb
Enabled: no
URIs: http://hostql-test.invalid/off
Suites: one
Components: main
EOF
echo 'deb http://hostql-test.invalid/disabled x main' \
    > "$parts/hostql-test.list.disabled"
cat > "$release" <<'EOF'
Origin: Hostql Test
Label: Hostql Test
Suite: stable
Version: 7.1
Codename: hostql-stable
Architectures: amd64 all
Components: main contrib
Description: a Release file of hostql's test
MD5Sum:
 d41d8cd98f00b204e9800998ecf8427e 0 main/binary-amd64/Packages
EOF
compare "with the test's sources"

got=$(hq "SELECT name, components, architectures FROM apt_sources
    WHERE base_uri = 'http://hostql-test.invalid/debian'")
expect_eq "the test's Release file" "$got" \
    'hostql-test.invalid/debian hostql-stable,main contrib,amd64 all'
got=$(hq "SELECT count(*) FROM apt_sources WHERE source LIKE
    '$parts/hostql-test.%'")
expect_eq "sources of the test's files" "$got" 6
echo "test_apt_sources: ok"
