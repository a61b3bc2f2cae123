#!/bin/sh
# python_packages against Python's importlib.metadata reading the same
# directories: the system's site directories; a test user's
# ~/.local/lib/python3.X/site-packages (rows with the user's uid, and
# WHERE uid); and WHERE directory on a directory this script fills with
# a .dist-info, an .egg-info directory and file, and one whose metadata
# is missing.  The user and the files are removed at exit.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-py.XXXXXX") || exit 1
user=hqpy_user
cleanup() {
	userdel "$user" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

command -v python3 >/dev/null || fail "python3 is needed"

# importlib's view of site directories: name, version, summary, author,
# license (each its first line), path, directory and the uid given.
want() {
	python3 - "$@" <<'EOF' | sort
import glob, importlib.metadata as md, sys
uid = sys.argv[1]
def first(v):
    return "" if v is None else v.split("\n")[0].strip()
for pattern in sys.argv[2:]:
    for site in sorted(glob.glob(pattern)):
        for d in md.distributions(path=[site]):
            m = d.metadata
            print("|".join([first(m["Name"]), first(m["Version"]),
                first(m["Summary"]), first(m["Author"]),
                first(m["License"] or m["License-Expression"]),
                str(d._path), site, uid]))
EOF
}

got() {
	"$HOSTQL" "$@" --json "SELECT name, version, summary, author,
	    license, path, directory, uid FROM python_packages $where" \
	    2>"$tmp/err" | python3 -c '
import json, sys
cols = ["name", "version", "summary", "author", "license", "path",
    "directory", "uid"]
for r in json.load(sys.stdin):
    print("|".join("" if r[c] is None else str(r[c]) for c in cols))
' | sort
}

# A test user with packages of their own.
home="$tmp/home"
useradd -M -d "$home" -s /usr/sbin/nologin "$user" || fail "useradd"
uid=$(id -u "$user")
site="$home/.local/lib/python3.11/site-packages"
mkdir -p "$site/userpkg-1.0.dist-info"
printf 'Metadata-Version: 2.1\nName: userpkg\nVersion: 1.0\nSummary: A user'"'"'s package\nAuthor: U\nLicense: MIT\n' \
    > "$site/userpkg-1.0.dist-info/METADATA"
{ "$HOSTQL" --policy | grep -v '^#'; echo "allow read $tmp/**"; } \
    > "$tmp/policy"

system="/usr/local/lib/python*/dist-packages
/usr/local/lib/python*/site-packages /usr/local/lib64/python*/site-packages
/usr/lib/python*/dist-packages /usr/lib/python*/site-packages
/usr/lib64/python*/site-packages"
where="WHERE uid IS NULL"
# shellcheck disable=SC2086
want "" $system > "$tmp/want"
got > "$tmp/got" || fail "hostql failed: $(cat "$tmp/err")"
[ -s "$tmp/want" ] || echo "test_python_packages: note: no system package"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" | head -20 >&2
	fail "system packages differ from importlib.metadata" \
	    "(< python, > hostql)"
fi

where="WHERE uid = $uid"
want "$uid" "$home/.local/lib/python*/site-packages" > "$tmp/want"
got --policy_path "$tmp/policy" > "$tmp/got" ||
    fail "hostql failed: $(cat "$tmp/err")"
expect_eq "the user's packages" "$(cut -d'|' -f1,8 "$tmp/got")" \
    "userpkg|$uid"
cmp -s "$tmp/want" "$tmp/got" || fail "the user's packages differ: \
$(diff "$tmp/want" "$tmp/got")"
where=""
got --policy_path "$tmp/policy" > "$tmp/got" ||
    fail "hostql failed: $(cat "$tmp/err")"
grep -q "^userpkg|1.0|.*|$uid\$" "$tmp/got" ||
    fail "the user's package is not among all packages"

# A directory named by the query.
dir="$tmp/site"
mkdir -p "$dir/modern-2.0.dist-info" "$dir/old-0.1.egg-info" \
    "$dir/nometa-1.0.dist-info" "$dir/not_a_package"
printf 'Metadata-Version: 2.4\r\nName: modern\r\nVersion: 2.0\r\nSummary: Summary: with a colon\r\nLicense-Expression: MIT OR Apache-2.0\r\n\r\nName: in the body\r\n' \
    > "$dir/modern-2.0.dist-info/METADATA"
printf 'Metadata-Version: 1.0\nName: old\nVersion: 0.1\nAuthor: O\nLicense: first\n        second\n' \
    > "$dir/old-0.1.egg-info/PKG-INFO"
printf 'Metadata-Version: 1.0\nName: distutils\nVersion: 3\n' \
    > "$dir/distutils-3.egg-info"
where="WHERE directory = '$dir'"
want "" "$dir" > "$tmp/want"
got --policy_path "$tmp/policy" > "$tmp/got" ||
    fail "hostql failed: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/got")" -eq 4 ] || fail "WHERE directory: $(cat "$tmp/got")"
cmp -s "$tmp/want" "$tmp/got" || fail "WHERE directory differs from \
importlib.metadata: $(diff "$tmp/want" "$tmp/got")"
echo "test_python_packages: ok"
