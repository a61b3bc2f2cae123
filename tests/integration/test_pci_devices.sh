#!/bin/sh
# pci_devices against lspci: every function's slot, ids, class, driver,
# and the names lspci finds in the same pci.ids (udev's hwdb left out,
# as hostql does not read it).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
command -v lspci >/dev/null || fail "lspci not installed (pciutils)"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# One line per function: slot|vendor id|device id|class|subclass|
# subsystem vendor id|subsystem id|vendor|device|class name|subsystem
# vendor|driver.  lspci names an id it does not know "Vendor", "Device"
# or "Class": hostql leaves those names NULL.
lspci -vmm -nn -k -D -O hwdb.disable=1 2>/dev/null | awk -F'\t' '
function name(s) {
	sub(/ \[[0-9a-f]+\]$/, "", s)
	return s ~ /^(Vendor|Device|Class)$/ ? "" : s
}
function id(s) {
	if (match(s, /\[[0-9a-f]+\]$/))
		return substr(s, RSTART + 1, RLENGTH - 2)
	return ""
}
function flush() {
	if (slot == "")
		return
	print slot "|" vid "|" did "|" substr(cls, 1, 2) "|" \
	    substr(cls, 3, 2) "|" svid "|" sdid "|" vname "|" dname "|" \
	    cname "|" svname "|" drv
	slot = vid = did = cls = svid = sdid = vname = dname = ""
	cname = svname = drv = ""
}
/^$/ { flush(); next }
$1 == "Slot:" { slot = $2 }
$1 == "Class:" { cls = id($2); cname = name($2) }
$1 == "Vendor:" { vid = id($2); vname = name($2) }
$1 == "Device:" { did = id($2); dname = name($2) }
$1 == "SVendor:" { svid = id($2); svname = name($2) }
$1 == "SDevice:" { sdid = id($2) }
$1 == "Driver:" { drv = $2 }
END { flush() }' | sort >"$tmp/want"

# lspci leaves out a subsystem of 0000:0000; so does the comparison.
"$HOSTQL" --list --separator '|' --noheader "
    SELECT pci_slot, substr(vendor_id, 3), substr(model_id, 3),
        substr(pci_class_id, 3), substr(pci_subclass_id, 3),
        CASE WHEN subsystem_vendor_id = '0x0000' AND
            subsystem_model_id = '0x0000' THEN ''
            ELSE substr(subsystem_vendor_id, 3) END,
        CASE WHEN subsystem_vendor_id = '0x0000' AND
            subsystem_model_id = '0x0000' THEN ''
            ELSE substr(subsystem_model_id, 3) END,
        ifnull(vendor, ''), ifnull(model, ''),
        coalesce(pci_subclass, pci_class, ''),
        CASE WHEN subsystem_vendor_id = '0x0000' AND
            subsystem_model_id = '0x0000' THEN ''
            ELSE ifnull(subsystem_vendor, '') END,
        ifnull(driver, '')
    FROM pci_devices" 2>"$tmp/err" | sort >"$tmp/got" ||
    fail "hostql: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "warnings: $(cat "$tmp/err")"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "pci_devices differs from lspci"
fi

# The ids are lowercase hex with 0x, as osquery writes them.
bad=$("$HOSTQL" --list --noheader "SELECT pci_slot FROM pci_devices
    WHERE vendor_id NOT GLOB '0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
       OR pci_class_id NOT GLOB '0x[0-9a-f][0-9a-f]'" 2>/dev/null)
[ -z "$bad" ] || fail "ids not in osquery's form: $bad"
echo "test_pci_devices: ok ($(wc -l <"$tmp/want") functions)"
