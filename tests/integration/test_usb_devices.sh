#!/bin/sh
# usb_devices against lsusb on this machine's buses, when it has any;
# then, always, on a USB tree modelled on real devices' sysfs attributes
# (tests/fixtures/usb), built on tmpfs over /sys/bus and /sys/devices in a
# mount namespace of the test's own, against what those files say and
# the names usb.ids has for them.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v unshare >/dev/null || fail "unshare not installed (util-linux)"
FIX=$ROOT/tests/fixtures/usb
HCD=/sys/devices/pci0000:00/0000:00:14.0

usb_ids()
{
	for f in /var/lib/usbutils/usb.ids /usr/share/misc/usb.ids \
	    /usr/share/hwdata/usb.ids; do
		[ -f "$f" ] && { echo "$f"; return; }
	done
	fail "no usb.ids (install the usb.ids package)"
}

# "vendor name|product name" from usb.ids, empty where it has none.
ids_names()
{
	awk -v v="$1" -v p="$2" '
	/^#/ { next }
	/^[0-9a-f][0-9a-f][0-9a-f][0-9a-f]  / {
		inv = $1 == v
		if (inv) vn = substr($0, 7)
		next
	}
	/^\t[0-9a-f][0-9a-f][0-9a-f][0-9a-f]  / {
		if (inv && substr($0, 2, 4) == p) pn = substr($0, 8)
		next
	}
	/^[^\t]/ { inv = 0 }
	END { print vn "|" pn }' "$(usb_ids)"
}

# A one-line attribute without its blanks at either end.
attr()
{
	[ -f "$1/$2" ] && sed -e 's/^[ \t]*//' -e 's/[ \t]*$//' "$1/$2"
	return 0
}

# What hostql should say of the device whose attributes are in dir.
expect_device()
{
	d=$1
	vid=$(attr "$d" idVendor)
	pid=$(attr "$d" idProduct)
	names=$(ids_names "$vid" "$pid")
	vendor=${names%%|*}
	model=${names#*|}
	[ -n "$vendor" ] || vendor=$(attr "$d" manufacturer)
	[ -n "$model" ] || model=$(attr "$d" product)
	case $(attr "$d" removable) in
	removable) rm=1 ;;
	fixed) rm=0 ;;
	*) rm=-1 ;;
	esac
	printf '%d|%d|%s|%s|%s|%s|%s|%s|%d|%d|%d|%s\n' \
	    "$(attr "$d" busnum)" "$(attr "$d" devnum)" "$vid" "$pid" \
	    "$(attr "$d" bcdDevice)" "$vendor" "$model" \
	    "$(attr "$d" serial)" "0x$(attr "$d" bDeviceClass)" \
	    "0x$(attr "$d" bDeviceSubClass)" \
	    "0x$(attr "$d" bDeviceProtocol)" "$rm"
}

QUERY="SELECT usb_address, usb_port, vendor_id, model_id, version,
    ifnull(vendor, ''), ifnull(model, ''), ifnull(serial, ''), class,
    subclass, protocol, removable FROM usb_devices"

# Where a fixture device sits under the host controller: usb1,
# usb1/1-1, usb1/1-1/1-1:1.0.
device_path()
{
	case $1 in
	usb*) echo "$1" ;;
	*:*) p=${1%%:*}; echo "usb${1%%-*}/$p/$1" ;;
	*) echo "usb${1%%-*}/$1" ;;
	esac
}

build_tree()
{
	mount -t tmpfs hostql-test /sys/bus || fail "cannot mount tmpfs"
	mount -t tmpfs hostql-test /sys/devices || fail "cannot mount tmpfs"
	mkdir -p /sys/bus/usb/devices "$HCD"
	# Parents before children: usb1 before 1-1 before 1-1:1.0.
	for d in $(cd "$FIX" && ls -d usb* && ls -d [0-9]* | sort); do
		path=$(device_path "$d")
		mkdir -p "$HCD/$path"
		cp "$FIX/$d"/* "$HCD/$path/"
		ln -s "../../../devices/pci0000:00/0000:00:14.0/$path" \
		    "/sys/bus/usb/devices/$d"
	done
}

check_fixture()
{
	build_tree
	for d in "$FIX"/*; do
		[ -f "$d/idVendor" ] && expect_device "$d"
	done | sort >"$tmp/want"
	hq_list_quiet "$QUERY" | sort >"$tmp/got"
	expect_files_eq "usb_devices on the fixture tree"
	[ "$(wc -l <"$tmp/got")" -eq 5 ] || fail "expected 5 devices"
	# Only the columns asked for are read; the rows stay the same.
	hq_list_quiet "SELECT usb_address, usb_port FROM usb_devices" | sort \
	    >"$tmp/got"
	cut -d'|' -f1,2 "$tmp/want" | sort >"$tmp/want2"
	mv "$tmp/want2" "$tmp/want"
	expect_files_eq "usb_devices, two columns"
}

# This machine's devices: bus, device number and ids against lsusb.
check_real()
{
	lsusb | awk '{ sub(/:$/, "", $4); print $2 + 0 "|" $4 + 0 "|" $6 }' |
	    sort >"$tmp/want"
	hq_list_quiet "SELECT usb_address, usb_port,
	    vendor_id || ':' || model_id FROM usb_devices" | sort >"$tmp/got"
	expect_files_eq "usb_devices differs from lsusb"
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if [ "${1:-}" = inside ]; then
	check_fixture
	exit 0
fi

if [ -n "$(ls /sys/bus/usb/devices 2>/dev/null)" ] &&
    command -v lsusb >/dev/null; then
	check_real
	echo "test_usb_devices: this machine's buses: ok"
else
	echo "test_usb_devices: this machine has no USB bus"
fi
unshare -m --propagation private sh "$0" inside || fail "fixture tree"
echo "test_usb_devices: ok"
