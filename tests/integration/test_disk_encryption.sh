#!/bin/sh
# disk_encryption: a LUKS2 device of our own (a key file, a loop device,
# cryptsetup open) must be encrypted with type LUKS2, a linear mapping
# stacked on it must inherit that, and its backing loop device must not.
# A kernel without device-mapper cannot have encrypted devices: then
# every block device must be "not encrypted", and the test says it
# could not build one.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
loop=
crypt=hqtest-crypt
linear=hqtest-linear
cleanup() {
	dmsetup remove "$linear" 2>/dev/null
	cryptsetup close "$crypt" 2>/dev/null
	[ -n "$loop" ] && losetup -d "$loop" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Every block device has its row, and the counts agree.
got=$(hq_list "SELECT count(*) FROM disk_encryption")
want=$(hq_list "SELECT count(*) FROM block_devices")
expect_eq "one row per block device" "$got" "$want"

dm_ok=0
if command -v cryptsetup >/dev/null 2>&1 &&
    command -v dmsetup >/dev/null 2>&1; then
	modprobe dm_crypt 2>/dev/null
	dmsetup targets 2>/dev/null | grep -q '^crypt' && dm_ok=1
fi
if [ "$dm_ok" = 0 ]; then
	got=$(hq_list "SELECT count(*) FROM disk_encryption
	    WHERE encrypted != 0 OR encryption_status != 'not encrypted'")
	expect_eq "encrypted devices without device-mapper" "$got" 0
	echo "test_disk_encryption: no device-mapper crypt target here:" \
	    "no LUKS device built, only the unencrypted case checked"
	echo "test_disk_encryption: ok"
	exit 0
fi

truncate -s 40M "$tmp/img"
head -c 64 /dev/urandom >"$tmp/key"
loop=$(losetup -f --show "$tmp/img") || fail "losetup"
cryptsetup -q luksFormat --type luks2 --pbkdf pbkdf2 --pbkdf-force-iterations \
    1000 --key-file "$tmp/key" "$loop" || fail "luksFormat"
cryptsetup open --key-file "$tmp/key" "$loop" "$crypt" || fail "open"
dm=$(basename "$(readlink -f "/dev/mapper/$crypt")")
sectors=$(blockdev --getsz "/dev/mapper/$crypt")
echo "0 $sectors linear /dev/mapper/$crypt 0" | dmsetup create "$linear" ||
    fail "dmsetup create"
dm2=$(basename "$(readlink -f "/dev/mapper/$linear")")

got=$(hq_list "SELECT encrypted, type, encryption_status FROM disk_encryption
    WHERE name = '/dev/$dm'")
expect_eq "the LUKS2 mapping /dev/$dm" "$got" "1|LUKS2|encrypted"
got=$(hq_list "SELECT encrypted, type, encryption_status FROM disk_encryption
    WHERE name = '/dev/$dm2'")
expect_eq "the mapping on it /dev/$dm2" "$got" "1|LUKS2|encrypted"
got=$(hq_list "SELECT encrypted, encryption_status FROM disk_encryption
    WHERE name = '$loop'")
expect_eq "the loop device under it" "$got" "0|not encrypted"

# The encrypted devices are lsblk's crypt devices and what sits on them.
lsblk -n -r -o KNAME,TYPE | awk '$2 == "crypt" { print "/dev/" $1 }' |
    sort >"$tmp/crypt"
hq_list "SELECT name FROM disk_encryption WHERE encrypted = 1" |
    sort >"$tmp/got"
comm -23 "$tmp/crypt" "$tmp/got" | grep . &&
    fail "lsblk's crypt devices not encrypted in hostql"
echo "test_disk_encryption: ok"
