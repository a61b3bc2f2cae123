#!/bin/sh
# hash against md5sum, sha1sum and sha256sum on files this script makes:
# empty, "abc", 1 MiB and 3 MiB + 7 bytes of random data (more than one
# read), a link to a file; by path, IN, LIKE and directory; and what gets
# no row: a directory, a FIFO (which must not hang the query), a missing
# file, a file the policy does not let privd read (with a warning).  Runs
# with a policy of its own that allows reading the scratch folder.
. "$(dirname "$0")/lib.sh"
set -u
HOSTQL=${HOSTQL:-./build/hostql}
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-hash.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
d="$tmp/data"
mkdir -p "$d/sub" "$tmp/closed"
cat > "$tmp/policy" <<EOF
allow stat /**
allow list /**
allow read $d/**
EOF
hq() {
	timeout 10 "$HOSTQL" --policy_path "$tmp/policy" --csv --noheader "$@"
}
q() {
	hq "$1" || fail "hostql failed on: $1"
}

: > "$d/empty"
printf 'abc' > "$d/abc"
head -c 1048576 /dev/urandom > "$d/one_mib"
head -c 3145735 /dev/urandom > "$d/three_mib"
ln -s abc "$d/link"
mkfifo "$d/fifo"
printf 'secret' > "$tmp/closed/file"

want_row() {
	printf '%s,%s,%s,%s\n' "$1" "$(md5sum < "$1" | cut -d' ' -f1)" \
	    "$(sha1sum < "$1" | cut -d' ' -f1)" \
	    "$(sha256sum < "$1" | cut -d' ' -f1)"
}

for f in "$d/empty" "$d/abc" "$d/one_mib" "$d/three_mib" "$d/link"; do
	got=$(q "SELECT path, md5, sha1, sha256 FROM hash WHERE path = '$f'")
	want=$(want_row "$f")
	[ "$got" = "$want" ] || fail "$f:
  got  $got
  want $want"
done

# The published vectors, to be sure the tools above agree with them.
got=$(q "SELECT md5, sha256 FROM hash WHERE path = '$d/abc'")
[ "$got" = "900150983cd24fb0d6963f7d28e17f72,ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" ] ||
    fail "abc: got '$got'"

# The digest asked for alone, and the directory column.
got=$(q "SELECT directory, sha1 FROM hash WHERE path = '$d/three_mib'")
[ "$got" = "$d,$(sha1sum < "$d/three_mib" | cut -d' ' -f1)" ] ||
    fail "sha1 alone: got '$got'"

# No row for a directory, a FIFO, a missing file; none of them is an
# error, and the FIFO must not block the read.
for f in "$d/sub" "$d/fifo" "$d/nothere"; do
	got=$(hq "SELECT path, sha256 FROM hash WHERE path = '$f'" 2>&1) ||
	    fail "$f: the query failed: $got"
	[ -z "$got" ] || fail "$f: got '$got'"
done

# A file the policy does not let privd read: a warning, no row, exit 0.
out=$(hq "SELECT sha256 FROM hash WHERE path = '$tmp/closed/file'" 2>&1) ||
    fail "a refused file made the query fail: $out"
case "$out" in
*warning*"$tmp/closed/file"*) ;;
*) fail "no warning for a refused file: '$out'" ;;
esac
case "$out" in
*[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*)
	fail "a refused file was hashed: $out" ;;
esac

# IN, LIKE and directory give the regular files (and links to them).
regular="abc empty link one_mib three_mib "
got=$(q "SELECT path FROM hash WHERE path IN ('$d/abc', '$d/sub', '$d/empty')" |
    sort | tr '\n' ' ')
[ "$got" = "$d/abc $d/empty " ] || fail "IN: got '$got'"
got=$(q "SELECT path FROM hash WHERE path LIKE '$d/%'" | sed 's,.*/,,' |
    sort | tr '\n' ' ')
[ "$got" = "$regular" ] || fail "LIKE: got '$got'"
got=$(q "SELECT path, sha256 FROM hash WHERE directory = '$d'" |
    sort | tr '\n' ' ')
want=$(for f in $regular; do
	printf '%s,%s ' "$d/$f" "$(sha256sum < "$d/$f" | cut -d' ' -f1)"
done)
[ "$got" = "$want" ] || fail "directory =:
  got  $got
  want $want"

# No path and no directory: the query fails and says what it needs.
if out=$(hq "SELECT * FROM hash" 2>&1); then
	fail "a query without path or directory succeeded"
else
	rc=$?
	[ "$rc" = 1 ] || fail "exit status $rc without path, want 1"
fi
case "$out" in
*path*) ;;
*) fail "the error does not name the path column: $out" ;;
esac
exit 0
