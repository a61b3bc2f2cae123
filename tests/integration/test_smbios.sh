#!/bin/sh
# smbios_tables, memory_devices and platform_info against dmidecode: on
# this machine's SMBIOS table when it has one, and always on the tables
# captured from QEMU's firmware (tests/fixtures/smbios), put in place of
# /sys/firmware in a mount namespace of the test's own, where dmidecode
# and hostql both read them.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v dmidecode >/dev/null || fail "dmidecode not installed"
command -v unshare >/dev/null || fail "unshare not installed (util-linux)"
DMI=/sys/firmware/dmi/tables/DMI

# A string column as dmidecode shows it: firmware that stores the words
# "Not Specified" looks the same as firmware that stores no string.
str()
{
	echo "ifnull(nullif($1, 'Not Specified'), '')"
}

# Every structure: handle, type and formatted length as dmidecode lists
# them, then each one's size and md5 against the bytes of the table.
check_structures()
{
	dmidecode | awk '/^Handle 0x[0-9A-F]+, DMI type [0-9]+, [0-9]+ bytes$/ {
		sub(/,$/, "", $2); sub(/,$/, "", $5); print $2 "|" $5 "|" $6
	}' >"$tmp/want"
	hq_list_quiet "SELECT printf('0x%04X', handle), type, header_size
	    FROM smbios_tables ORDER BY number" >"$tmp/got"
	[ -s "$tmp/want" ] || fail "$1: dmidecode lists no structure"
	expect_files_eq "smbios_tables ($1) differs from dmidecode"
	off=0
	hq_list_quiet "SELECT size, md5 FROM smbios_tables ORDER BY number" |
	while IFS='|' read -r size md5; do
		want=$(tail -c +$((off + 1)) "$DMI" | head -c "$size" |
		    md5sum | cut -d' ' -f1)
		[ "$md5" = "$want" ] ||
		    fail "$1: structure at $off: md5 $md5, want $want"
		off=$((off + size))
		[ "$off" -le "$(wc -c <"$DMI")" ] ||
		    fail "$1: structures run past the table"
	done || exit 1
}

# dmidecode -t 17, one line per device: handle, locators, size in MB,
# type, speeds, strings, form factor (names lowercased: dmidecode and
# osquery spell a few differently).
check_memory()
{
	dmidecode -t 17 | awk -F': ' '
	function trim(s) { sub(/[ \t]+$/, "", s); return s }
	function str(s) { s = trim(s); return s == "Not Specified" ? "" : s }
	function num(s) { return s ~ /^[0-9]+ / ? s + 0 : "" }
	function mb(s) {
		if (s ~ / GB$/) return s * 1024
		if (s ~ / TB$/) return s * 1024 * 1024
		if (s ~ / MB$/) return s + 0
		if (s ~ / kB$/) return int(s / 1024)
		if (s == "No Module Installed") return 0
		return ""
	}
	function flush() {
		if (h != "")
			print h "|" loc "|" bank "|" size "|" tolower(type) "|" \
			    speed "|" cspeed "|" man "|" ser "|" part "|" \
			    tolower(form)
		h = ""
	}
	/^Handle / {
		flush()
		h = tolower(substr($0, 8, 6))
		loc = bank = size = type = speed = cspeed = ""
		man = ser = part = form = ""
		next
	}
	h == "" { next }
	{ sub(/^\t/, "") }
	$1 == "Locator" { loc = str($2) }
	$1 == "Bank Locator" { bank = str($2) }
	$1 == "Size" { size = mb($2) }
	$1 == "Type" { type = $2 == "Unknown" ? "unknown" : $2 }
	$1 == "Speed" { speed = num($2) }
	$1 == "Configured Memory Speed" { cspeed = num($2) }
	$1 == "Manufacturer" { man = str($2) }
	$1 == "Serial Number" { ser = str($2) }
	$1 == "Part Number" { part = str($2) }
	$1 == "Form Factor" { form = $2 }
	END { flush() }' >"$tmp/want"
	hq_list_quiet "SELECT handle, $(str device_locator),
	    $(str bank_locator), ifnull(size, ''),
	    lower(ifnull(memory_type, '')), ifnull(max_speed, ''),
	    ifnull(configured_clock_speed, ''),
	    $(str manufacturer), $(str serial_number), $(str part_number),
	    lower(ifnull(form_factor, '')) FROM memory_devices" >"$tmp/got"
	expect_files_eq "memory_devices ($1) differs from dmidecode"
}

# The first BIOS Information structure.
check_platform()
{
	dmidecode -t 0 | awk -F': ' '
	function str(s) {
		sub(/[ \t]+$/, "", s)
		return s == "Not Specified" ? "" : s
	}
	function bytes(s) {
		if (s ~ / kB$/) return s * 1024
		if (s ~ / MB$/) return s * 1048576
		if (s ~ / GB$/) return s * 1073741824
		return ""
	}
	/^Handle / { n++ }
	n != 1 { next }
	{ sub(/^\t/, "") }
	$1 == "Vendor" { v = str($2) }
	$1 == "Version" { ver = str($2) }
	$1 == "Release Date" { d = str($2) }
	$1 == "Address" { a = tolower($2) }
	$1 == "ROM Size" { s = bytes($2) }
	$1 == "BIOS Revision" { r = $2 }
	END { if (n > 0) print v "|" ver "|" d "|" r "|" a "|" s }' \
	    >"$tmp/want"
	hq_list_quiet "SELECT $(str vendor), $(str version), $(str date),
	    ifnull(revision, ''), ifnull(address, ''), ifnull(size, '')
	    FROM platform_info" >"$tmp/got"
	expect_files_eq "platform_info ($1) differs from dmidecode"
	want=bios
	[ -d /sys/firmware/efi ] && want=uefi
	hq_list_quiet "SELECT firmware_type FROM platform_info" >"$tmp/got"
	[ ! -s "$tmp/want" ] || [ "$(cat "$tmp/got")" = "$want" ] ||
	    fail "$1: firmware_type $(cat "$tmp/got"), want $want"
}

check_all()
{
	check_structures "$1"
	check_memory "$1"
	check_platform "$1"
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if [ "${1:-}" = inside ]; then
	# In the namespace: the captured table in place of the firmware's.
	mount -t tmpfs hostql-test /sys/firmware || fail "cannot mount tmpfs"
	mkdir -p /sys/firmware/dmi/tables
	cp "$ROOT/tests/fixtures/smbios/$2.DMI" "$DMI"
	cp "$ROOT/tests/fixtures/smbios/$2.smbios_entry_point" \
	    /sys/firmware/dmi/tables/smbios_entry_point
	check_all "$2"
	exit 0
fi

if [ -r "$DMI" ]; then
	check_all "this machine"
	echo "test_smbios: this machine's table: ok"
else
	echo "test_smbios: this machine has no $DMI"
fi
for f in qemu-pc qemu-q35-64; do
	unshare -m --propagation private sh "$0" inside "$f" ||
	    fail "captured table $f"
done
echo "test_smbios: ok"
