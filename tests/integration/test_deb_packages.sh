#!/bin/sh
# deb_packages against dpkg-query: every package of this system with
# every column; then an admindir this script makes (installed, removed,
# purged and half-installed packages, and an updates journal a dpkg run
# left behind), read by both through WHERE admindir / --admindir; and an
# admindir that is not there (a warning, no rows).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-deb.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

command -v dpkg-query >/dev/null || fail "dpkg-query is needed"

# dpkg-query's view: the columns in the table's order, tab-separated; a
# missing priority is "unknown" as osquery (libdpkg) names it, and the
# revision is what follows the version's last '-'.
dpkg_rows() {
	dpkg-query "$@" -W 2>/dev/null -f='${Package}\t${Version}\t${Source}\t${Installed-Size}\t${Architecture}\t${Status}\t${Maintainer}\t${Section}\t${Priority}\n' |
	    awk -F'\t' 'BEGIN { OFS = "\t" }
	    {
		rev = ""
		if (match($2, /-[^-]*$/)) rev = substr($2, RSTART + 1)
		if ($9 == "") $9 = "unknown"
		print $1, $2, $3, $4, $5, rev, $6, $7, $8, $9
	    }' | sort
}

# hostql's view of the same, from its JSON (NULL as empty).
hostql_rows() {
	"$HOSTQL" "$@" --json "SELECT name, version, source, size, arch,
	    revision, status, maintainer, section, priority FROM deb_packages
	    $where" 2>"$tmp/err" | python3 -c '
import json, sys
cols = ["name", "version", "source", "size", "arch", "revision",
    "status", "maintainer", "section", "priority"]
for r in json.load(sys.stdin):
    print("\t".join("" if r[c] is None else str(r[c]) for c in cols))
' | sort
}

where=""
dpkg_rows > "$tmp/want"
hostql_rows > "$tmp/got" || fail "hostql failed: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/want")" -gt 10 ] || fail "dpkg-query listed few packages"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" | head -20 >&2
	fail "deb_packages differs from dpkg-query (< dpkg-query, > hostql)"
fi
got=$(hq "SELECT DISTINCT admindir FROM deb_packages")
expect_eq "default admindir" "$got" "/var/lib/dpkg"

# An admindir of our own, with a journal record that replaces one
# package (a newer version, half installed) and adds another.
adm="$tmp/admin"
mkdir -p "$adm/updates" "$adm/info"
cat > "$adm/status" <<'EOF'
Package: alpha
Status: install ok installed
Priority: optional
Section: utils
Installed-Size: 12
Maintainer: A <a@example.org>
Architecture: amd64
Version: 1:1.0-2
Description: alpha

Package: beta
Status: deinstall ok config-files
Priority: extra
Section: misc
Architecture: all
Version: 2.0
Description: beta

Package: gamma
Status: purge ok not-installed
Architecture: all
Description: gamma

Package: delta
Status: install ok installed
Maintainer: D <d@example.org>
Architecture: i386
Source: delta-src (0.9)
Version: 0.9-1+b1
Description: delta
EOF
cat > "$adm/updates/0001" <<'EOF'
Package: alpha
Status: install ok half-installed
Priority: optional
Section: utils
Installed-Size: 14
Maintainer: A <a@example.org>
Architecture: amd64
Version: 1:1.1-1
Description: alpha
EOF
cat > "$adm/updates/0002" <<'EOF'
Package: epsilon
Status: install ok unpacked
Architecture: amd64
Version: 5
Description: epsilon
EOF
# The table's own policy: the default, and this admindir.
{ "$HOSTQL" --policy | grep -v '^#'; echo "allow read $adm/**"; } > "$tmp/policy"

where="WHERE admindir = '$adm'"
dpkg_rows --admindir="$adm" > "$tmp/want"
hostql_rows --policy_path "$tmp/policy" > "$tmp/got" ||
    fail "hostql failed on the admindir: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/want")" -eq 4 ] ||
    fail "dpkg-query --admindir listed $(wc -l < "$tmp/want") packages"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "admindir rows differ from dpkg-query (< dpkg-query, > hostql)"
fi

# Two admindirs at once; one that is not there gives a warning only.
got=$("$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "SELECT
    count(*) FROM deb_packages WHERE admindir IN ('$adm', '$tmp/none')" \
    2>"$tmp/err") || fail "IN with a missing admindir failed"
expect_eq "rows of two admindirs" "$got" 4
expect_contains "warning for a missing admindir" "$(cat "$tmp/err")" \
    "$tmp/none/status"
got=$(hq "SELECT count(*) FROM deb_packages WHERE admindir = 'relative'")
expect_eq "a relative admindir" "$got" 0
echo "test_deb_packages: ok"
