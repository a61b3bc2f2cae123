#!/bin/sh
# block_devices against lsblk, on this machine's devices and on a loop
# device of our own with two partitions (ext4 with a label that has a
# space and a slash, and swap).  uuid, type and label come from udev's
# database: where no udev runs, the test starts one for its duration
# (and stops it), so that there is something to compare; with no udev
# at all they must be empty, as lsblk's are.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
loop=
udevd_pid=
had_run_udev=1
[ -d /run/udev ] || had_run_udev=0
cleanup() {
	[ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
	if [ -n "$udevd_pid" ]; then
		kill "$udevd_pid" 2>/dev/null
		wait "$udevd_pid" 2>/dev/null
		[ "$had_run_udev" = 0 ] && rm -rf /run/udev /dev/disk
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# lsblk -P value of KEY in one line of its output, escapes undone.
pval() {
	printf '%s\n' "$1" | sed -n "s/.*\\b$2=\"\\([^\"]*\\)\".*/\\1/p" |
	    sed 's/\\x20/ /g; s/\\x2f/\//g'
}

udev=0
if [ -S /run/udev/control ]; then
	udev=1
elif command -v /lib/systemd/systemd-udevd >/dev/null 2>&1; then
	/lib/systemd/systemd-udevd >"$tmp/udevd.log" 2>&1 &
	udevd_pid=$!
	i=0
	while [ ! -S /run/udev/control ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -S /run/udev/control ] && udev=1
fi
settle() {
	[ "$udev" = 1 ] && udevadm settle -t 10
	return 0
}

truncate -s 64M "$tmp/img"
printf 'label: dos\n,32M,L\n,,S\n' | sfdisk -q "$tmp/img" >/dev/null ||
    fail "sfdisk"
loop=$(losetup -f -P --show "$tmp/img") || fail "losetup"
settle
# A kernel without partition table parsers still takes partitions that
# partx reads from the table and adds one by one.
[ -b "${loop}p1" ] || partx -a "$loop" || fail "partx -a $loop"
settle
[ -b "${loop}p1" ] || fail "no partitions on $loop"
mkfs.ext4 -q -L 'hq lab/el' "${loop}p1" || fail "mkfs.ext4"
mkswap -q -L hqswap "${loop}p2" >/dev/null || fail "mkswap"
[ "$udev" = 1 ] && udevadm trigger --action=change "$loop" "${loop}p1" \
    "${loop}p2"
settle

# Our disk and partitions, column by column against lsblk.
for dev in "$loop" "${loop}p1" "${loop}p2"; do
	l=$(lsblk -b -n -P -o NAME,SIZE,FSTYPE,UUID,LABEL,PKNAME "$dev" |
	    head -n 1)
	want="$dev|$(pval "$l" PKNAME)|$(($(pval "$l" SIZE) / 512))|"
	want="$want$(pval "$l" FSTYPE)|$(pval "$l" UUID)|$(pval "$l" LABEL)"
	got=$(hq_list "SELECT name, parent, size, type, uuid, label FROM
	    block_devices WHERE name = '$dev'")
	want=$(printf '%s' "$want" | sed 's/^\([^|]*\)|\([^|]\)/\1|\/dev\/\2/')
	expect_eq "$dev" "$got" "$want"
done
if [ "$udev" = 1 ]; then
	got=$(hq_list "SELECT type, label FROM block_devices
	    WHERE name = '${loop}p1'")
	expect_eq "udev's blkid of ${loop}p1" "$got" "ext4|hq lab/el"
	got=$(hq_list "SELECT uuid FROM block_devices WHERE name = '${loop}p2'")
	expect_eq "uuid of ${loop}p2" "$got" \
	    "$(blkid -s UUID -o value "${loop}p2")"
else
	echo "test_block_devices: no udev here: uuid, type, label not compared"
fi

# Every device: name, parent, size; model and vendor of whole disks.
lsblk -b -a -n -r -o NAME,PKNAME,SIZE | awk '{
	p = ($2 == "" || NF < 3) ? "" : "/dev/" $2
	s = NF < 3 ? $2 : $3
	print "/dev/" $1 "|" p "|" int(s / 512)
}' | sort -u >"$tmp/want"
hq_list "SELECT name, parent, size FROM block_devices" | sort -u >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "block_devices differ from lsblk -a (< lsblk, > hostql)"
fi
lsblk -d -a -n -P -o NAME,MODEL,VENDOR | while read -r l; do
	name=/dev/$(pval "$l" NAME)
	want="$(pval "$l" MODEL | sed 's/ *$//')|$(pval "$l" VENDOR |
	    sed 's/ *$//')"
	got=$(hq_list "SELECT model, vendor FROM block_devices
	    WHERE name = '$name'")
	[ "$got" = "$want" ] || fail "model|vendor of $name: [$got] [$want]"
done || exit 1
got=$(hq_list "SELECT count(*) FROM block_devices WHERE name = '/dev/../etc'")
expect_eq "a name that climbs" "$got" 0
echo "test_block_devices: ok"
