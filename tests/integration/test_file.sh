#!/bin/sh
# file against stat(1) on a tree this script makes: every column of a
# regular file, a directory, a link, a FIFO, a setuid file and a device;
# path = / IN / LIKE ('%' one level, '%%' recursive, '_' one character,
# a trailing '/' for directories), directory = ..., a path that is not
# there, and the error of a query that names no path.  Runs with the
# default policy, which lets privd stat and list anything.
. "$(dirname "$0")/lib.sh"
set -u
HOSTQL=${HOSTQL:-./build/hostql}
base=${TESTDIR:-/var/tmp}
tmp=$(mktemp -d "$base/hostql-file.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
q() {
	"$HOSTQL" --csv --noheader "$1" || fail "hostql failed on: $1"
}

d="$tmp/t"
mkdir -p "$d/sub/deep" "$d/sub2"
printf 'hello\n' > "$d/a.txt"
chmod 0640 "$d/a.txt"
printf 'x' > "$d/.hidden"
printf 'c' > "$d/sub/c.conf"
printf 'dd' > "$d/sub/deep/d.conf"
printf 'suid' > "$d/suid"
chmod 4755 "$d/suid"
ln -s a.txt "$d/link"
ln -s sub "$d/dirlink"
mkfifo "$d/fifo"
ln "$d/a.txt" "$d/hard"
# Read everything once: with relatime, the first read after a change moves
# atime, and the reads of this test (readlink, listings) must not.
find "$d" -type f -exec cat {} + >/dev/null
find "$d" -type l -exec readlink {} + >/dev/null
ls -aR "$d" >/dev/null

# What file should say of a path, from stat(1) (which does not follow a
# link either).
expected() {
	stat -c '%n|%i|%u|%g|%f|%r|%s|%o|%X|%Y|%Z|%W|%h|%F' "$1" |
	    while IFS='|' read -r n ino uid gid rawmode rdev size blk at mt ct bt \
	    nlink ftype; do
		mode=$(printf '%04o' $((0x$rawmode & 07777)))
		case "$ftype" in
		"regular file"|"regular empty file") type=regular ;;
		directory) type=directory ;;
		"symbolic link") type=symlink ;;
		fifo) type=fifo ;;
		"character special file") type=character ;;
		"block special file") type=block ;;
		socket) type=socket ;;
		*) type=unknown ;;
		esac
		sym=0
		target=
		if [ "$type" = symlink ]; then
			sym=1
			target=$(readlink "$n")
		fi
		[ "$bt" = "-" ] && bt=0
		dir=$(dirname "$n")
		name=$(basename "$n")
		echo "$n,$dir,$name,$ino,$uid,$gid,$mode,$rdev,$size,$blk,$at,$mt,$ct,$bt,$nlink,$sym,$type,$target"
	    done
}

cols="path, directory, filename, inode, uid, gid, mode, device, size, block_size, atime, mtime, ctime, btime, hard_links, symlink, type, symlink_target_path"

for f in "$d/a.txt" "$d" "$d/sub" "$d/link" "$d/dirlink" "$d/fifo" \
    "$d/suid" "$d/.hidden" /dev/null /; do
	got=$(q "SELECT $cols FROM file WHERE path = '$f'")
	want=$(expected "$f")
	[ "$got" = "$want" ] || fail "$f:
  got  $got
  want $want"
done

got=$(q "SELECT mode, type FROM file WHERE path = '$d/suid'")
[ "$got" = "4755,regular" ] || fail "setuid mode: got '$got'"
got=$(q "SELECT hard_links FROM file WHERE path = '$d/hard'")
[ "$got" = 2 ] || fail "hard links: got '$got'"

# IN, and a path that is not there: no row, no error.
got=$(q "SELECT filename FROM file WHERE path IN ('$d/a.txt', '$d/nothere', '$d/sub/c.conf') ORDER BY filename" | tr '\n' ' ')
[ "$got" = "a.txt c.conf " ] || fail "IN: got '$got'"
got=$("$HOSTQL" --csv --noheader "SELECT path FROM file WHERE path = '$d/nothere'" 2>&1) ||
    fail "a missing path made the query fail"
[ -z "$got" ] || fail "a missing path: got '$got'"

# LIKE: '%' is one level (hidden names too), '%%' everything below.
got=$(q "SELECT path FROM file WHERE path LIKE '$d/%'" | sort)
want=$(find "$d" -mindepth 1 -maxdepth 1 | sort)
[ "$got" = "$want" ] || fail "LIKE '%':
$got
want
$want"
got=$(q "SELECT path FROM file WHERE path LIKE '$d/%%'" | sort)
want=$(find "$d" -mindepth 1 | sort)
[ "$got" = "$want" ] || fail "LIKE '%%':
$got
want
$want"
# A '%' before the last segment goes through links to directories, as
# glob(3) does in osquery.
got=$(q "SELECT path FROM file WHERE path LIKE '$d/%/%.conf'" | sort |
    tr '\n' ' ')
[ "$got" = "$d/dirlink/c.conf $d/sub/c.conf " ] ||
    fail "LIKE '%/%.conf': got '$got'"
got=$(q "SELECT path FROM file WHERE path LIKE '$d/sub/_.conf'")
[ "$got" = "$d/sub/c.conf" ] || fail "LIKE '_': got '$got'"
got=$(q "SELECT path FROM file WHERE path LIKE '$d/sub/__.conf'")
[ -z "$got" ] || fail "LIKE '__' matched '$got'"
# A trailing '/' keeps directories (and links to them), '/' and all.
got=$(q "SELECT path FROM file WHERE path LIKE '$d/%/'" | sort | tr '\n' ' ')
[ "$got" = "$d/dirlink/ $d/sub/ $d/sub2/ " ] ||
    fail "LIKE '%/': got '$got'"

# directory = X: every entry of X, not below, with X as directory.
got=$(q "SELECT path, directory FROM file WHERE directory = '$d/sub'" |
    sort | tr '\n' ' ')
[ "$got" = "$d/sub/c.conf,$d/sub $d/sub/deep,$d/sub " ] ||
    fail "directory =: got '$got'"
got=$(q "SELECT count(*) FROM file WHERE directory = '$d'")
want=$(find "$d" -mindepth 1 -maxdepth 1 | wc -l)
[ "$got" = "$want" ] || fail "directory = count: got $got want $want"

# No path and no directory: the query fails and says what it needs.
if out=$("$HOSTQL" --csv "SELECT * FROM file" 2>&1); then
	fail "a query without path or directory succeeded"
else
	rc=$?
	[ "$rc" = 1 ] || fail "exit status $rc without path, want 1"
fi
case "$out" in
*path*) ;;
*) fail "the error does not name the path column: $out" ;;
esac
# A relative pattern is refused with a reason.
if out=$("$HOSTQL" --csv "SELECT * FROM file WHERE path LIKE 'etc/%'" 2>&1)
then
	fail "a relative pattern was taken"
fi
case "$out" in
*"not absolute"*) ;;
*) fail "relative pattern: $out" ;;
esac
exit 0
