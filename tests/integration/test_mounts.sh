#!/bin/sh
# mounts against findmnt (device, path, type), /proc/self/mounts
# (options) and stat -f (sizes), on this machine's mounts and on an ext4
# image of our own, mounted read-only at a path with a space through a
# chain of symlinks that device_alias must resolve.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
mnt="$tmp/mnt point"
loop=
cleanup() {
	if [ -n "$loop" ]; then
		umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null
		losetup -d "$loop" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

truncate -s 32M "$tmp/img" && mkfs.ext4 -q -L hqmounts "$tmp/img" ||
    fail "mkfs.ext4"
loop=$(losetup -f --show "$tmp/img") || fail "losetup"
mkdir "$mnt" "$tmp/links"
ln -s "$loop" "$tmp/links/real"
ln -s ../links/./real "$tmp/links/alias"
mount --no-canonicalize -o ro -t ext4 "$tmp/links/alias" "$mnt" ||
    fail "mount"

# Our mount: the source as mount gave it, its alias, options, sizes.
got=$(hq_list "SELECT device, device_alias, type FROM mounts
    WHERE path = '$mnt'")
expect_eq "our mount" "$got" "$tmp/links/alias|$loop|ext4"
want=$(stat -f -c '%s|%b|%f|%a|%c|%d' "$mnt")
got=$(hq_list "SELECT blocks_size, blocks, blocks_free, blocks_available,
    inodes, inodes_free FROM mounts WHERE path = '$mnt'")
expect_eq "sizes of our mount" "$got" "$want"
want=$(awk -v m="$(printf '%s' "$mnt" | sed 's/ /\\\\040/g')" \
    '$2 == m { print $4 }' /proc/self/mounts)
got=$(hq_list "SELECT flags FROM mounts WHERE path = '$mnt'")
expect_eq "flags of our mount" "$got" "$want"
expect_contains "flags of our mount" "$got" "ro"

# Every mount: findmnt's source, target and type (its raw output writes
# a space as \x20), and the options in /proc/self/mounts' order.
findmnt -n -r --nofsroot -o SOURCE,TARGET,FSTYPE | sort >"$tmp/want"
hq_list "SELECT device, path, type FROM mounts" |
    sed 's/ /\\x20/g; s/|/ /g' | sort >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "mounts differ from findmnt (< findmnt, > hostql)"
fi
awk '{ print $2 " " $4 }' /proc/self/mounts | sort >"$tmp/want"
hq_list "SELECT path, flags FROM mounts" |
    sed 's/ /\\040/g; s/|/ /g' | sort >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || fail "flags differ from /proc/self/mounts"

# Block size and count of every mount (free counts move), as stat -f
# gives them for its path.
hq_list "SELECT path, blocks_size, blocks FROM mounts" | sort -u |
while IFS='|' read -r path bsize blocks; do
	want=$(stat -f -c '%s|%b' "$path") || continue
	[ "$want" = "$bsize|$blocks" ] ||
	    fail "sizes of $path: got $bsize|$blocks, stat -f $want"
done || exit 1

# One row per line of /proc/self/mounts.
got=$(hq_list "SELECT count(*) FROM mounts")
expect_eq "row count" "$got" "$(wc -l </proc/self/mounts)"
echo "test_mounts: ok"
