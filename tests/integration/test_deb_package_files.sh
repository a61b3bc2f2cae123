#!/bin/sh
# deb_package_files against dpkg's own file lists: every path of every
# package of this system; WHERE package = X against dpkg-query -L for a
# package listed as NAME:ARCH.list (libc6) and one listed as NAME.list;
# an admindir this script makes; and a package that is not there.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-debfiles.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

info=/var/lib/dpkg/info
# Each list file's lines, under the package name its file name gives.
lists() {
	awk 'FNR == 1 {
		p = FILENAME
		sub(/.*\//, "", p)
		sub(/\.list$/, "", p)
		sub(/:.*/, "", p)
	}
	length($0) > 0 { print p "\t" $0 }' "$1"/*.list
}

tsv() {
	"$HOSTQL" "$@" --json "$query" 2>"$tmp/err" | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    print(r["package"] + "\t" + r["path"])
'
}

lists "$info" | sort > "$tmp/want"
query="SELECT package, path FROM deb_package_files"
tsv | sort > "$tmp/got"
[ "$(wc -l < "$tmp/want")" -gt 100 ] || fail "few paths in $info"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" | head -20 >&2
	fail "paths differ from $info/*.list (< dpkg, > hostql)"
fi

# One package: what dpkg-query -L prints, but for its notes about
# diversions, which are not paths.
for pkg in libc6 dpkg; do
	dpkg-query -L "$pkg" | grep '^/' | sort > "$tmp/want"
	hq "SELECT path FROM deb_package_files WHERE package = '$pkg'" |
	    sort > "$tmp/got"
	[ -s "$tmp/want" ] || fail "dpkg-query -L $pkg listed nothing"
	cmp -s "$tmp/want" "$tmp/got" || fail "paths of $pkg differ from \
dpkg-query -L: $(diff "$tmp/want" "$tmp/got" | head -5)"
done
got=$(hq "SELECT count(DISTINCT package) FROM deb_package_files
    WHERE package IN ('libc6', 'dpkg', 'no-such-package')")
expect_eq "packages of an IN list" "$got" 2
got=$(hq "SELECT count(*) FROM deb_package_files WHERE package = '../dpkg'")
expect_eq "a package name with a '/'" "$got" 0
got=$(hq "SELECT admindir FROM deb_package_files WHERE package = 'dpkg'
    LIMIT 1")
expect_eq "default admindir" "$got" /var/lib/dpkg

# An admindir of our own: a plain list, a multi-arch one, empty lines.
adm="$tmp/admin"
mkdir -p "$adm/info"
printf '/.\n/usr\n/usr/bin/alpha\n' > "$adm/info/alpha.list"
printf '/.\n\n/usr/lib/x86_64-linux-gnu/libbeta.so.1\n' \
    > "$adm/info/libbeta:amd64.list"
printf '/usr/lib/i386-linux-gnu/libbeta.so.1' \
    > "$adm/info/libbeta:i386.list"
printf 'Package: x\n' > "$adm/info/alpha.md5sums"
{ "$HOSTQL" --policy | grep -v '^#'; echo "allow read $adm/**"; } > "$tmp/policy"
lists "$adm/info" | sort > "$tmp/want"
query="SELECT package, path FROM deb_package_files WHERE admindir = '$adm'"
tsv --policy_path "$tmp/policy" | sort > "$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "admindir rows differ: \
$(diff "$tmp/want" "$tmp/got")"
query="SELECT package, path FROM deb_package_files WHERE admindir = '$adm'
    AND package = 'libbeta'"
got=$(tsv --policy_path "$tmp/policy" | wc -l)
expect_eq "paths of a package listed for two architectures" "$got" 3
echo "test_deb_package_files: ok"
