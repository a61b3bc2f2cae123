#!/bin/sh
# interface_details against the kernel's other views of the same links:
# "ip -j -s link" for the counters (between a reading before and one
# after), sysfs for type, MTU, address, flags and speed, ethtool's
# driver info (by ioctl) for the PCI slot.  A veth pair of our own gets
# a packet socket's promiscuous mode, which only the device's real flags
# show.  Needs $HOSTQL, ip and python3; runs as root.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'ip link del hqv0 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# The default policy, and sysfs speed files if it lacks them.
"$HOSTQL" --policy >"$tmp/policy"
echo "allow read /sys/devices/**/net/*/speed" >>"$tmp/policy"
q() {
	timeout 20 "$HOSTQL" --policy_path "$tmp/policy" --csv --noheader \
	    "$1" 2>"$tmp/err" || fail "hostql failed on: $1: $(cat "$tmp/err")"
	[ ! -s "$tmp/err" ] || fail "warnings on: $1: $(cat "$tmp/err")"
}

ip link add hqv0 type veth peer name hqv1 || fail "cannot create a veth pair"
ip link set hqv0 mtu 1234 up
ip link set hqv1 up

ip -j -s link show >"$tmp/before.json"
q "SELECT interface, mac, type, mtu, metric, flags, ipackets, opackets,
    ibytes, obytes, ierrors, oerrors, idrops, odrops, collisions,
    last_change, link_speed, coalesce(pci_slot, '') FROM interface_details" \
    >"$tmp/hq.csv"
ip -j -s link show >"$tmp/after.json"

python3 - "$tmp" <<'EOF' || fail "interface_details differs (above)"
import array, csv, fcntl, json, os, socket, struct, sys

tmp = sys.argv[1]
before = {l["ifname"]: l for l in json.load(open(tmp + "/before.json"))}
after = {l["ifname"]: l for l in json.load(open(tmp + "/after.json"))}
rows = {r[0]: r for r in csv.reader(open(tmp + "/hq.csv"))}
bad = []

def sysfs(name, what):
    try:
        return open("/sys/class/net/%s/%s" % (name, what)).read().strip()
    except OSError:
        return None

def bus_info(name):
    # ethtool's GDRVINFO: what osquery reads the PCI slot from.
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    buf = array.array("B", struct.pack("I", 3) + bytes(32 * 5 + 12 + 20))
    ifr = struct.pack("16sP", name.encode(), buf.buffer_info()[0])
    try:
        fcntl.ioctl(s.fileno(), 0x8946, ifr + bytes(16))
    except OSError:
        return ""
    return buf.tobytes()[4 + 96:4 + 128].split(b"\0")[0].decode()

def is_pci(s):
    p = s.split(":")
    return len(p) == 3 and len(p[0]) >= 4 and len(p[1]) == 2 and \
        len(p[2]) == 4 and p[2][2] == "."

if set(rows) != set(after):
    bad.append("interfaces: hostql %s, ip %s" % (sorted(rows), sorted(after)))
counters = [("ipackets", "rx", "packets"), ("opackets", "tx", "packets"),
    ("ibytes", "rx", "bytes"), ("obytes", "tx", "bytes"),
    ("ierrors", "rx", "errors"), ("oerrors", "tx", "errors"),
    ("idrops", "rx", "dropped"), ("odrops", "tx", "dropped"),
    ("collisions", "tx", "collisions")]
cols = ["interface", "mac", "type", "mtu", "metric", "flags"] + \
    [c[0] for c in counters] + ["last_change", "link_speed", "pci_slot"]
for name, r in rows.items():
    if name not in after:
        continue
    v = dict(zip(cols, r))
    a = after[name]
    want_mac = sysfs(name, "address") or ""
    want_mac = (want_mac.split(":") + ["00"] * 6)[:6] if want_mac else []
    want_mac = ":".join(want_mac) if want_mac else "00:00:00:00:00:00"
    checks = [("type", sysfs(name, "type")), ("mtu", str(a["mtu"])),
        ("mac", want_mac), ("metric", "0"), ("last_change", "-1")]
    # The device's own flags; RUNNING, LOWER_UP and DORMANT come from
    # its operational state, which sysfs shows elsewhere.
    flags = int(v["flags"]) & ~(0x40 | 0x10000 | 0x20000)
    checks.append(("flags", (str(int(sysfs(name, "flags"), 16)), str(flags))))
    speed = sysfs(name, "speed")
    speed = speed if speed is not None and int(speed) >= 0 else "0"
    checks.append(("link_speed", speed))
    bi = bus_info(name)
    checks.append(("pci_slot", bi if is_pci(bi) else ""))
    for col, want in checks:
        if isinstance(want, tuple):
            want, got = want
        else:
            got = v[col]
        if want != got:
            bad.append("%s %s: hostql %s, system %s" % (name, col, got, want))
    for col, d, k in counters:
        lo = before.get(name, a)["stats64"][d][k]
        hi = a["stats64"][d][k]
        if not lo <= int(v[col]) <= hi:
            bad.append("%s %s: %s not within %d..%d" % (name, col, v[col],
                lo, hi))
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF

# A packet socket asks for promiscuous mode without the interface's
# configured flags changing: the device is promiscuous all the same.
python3 - "$HOSTQL" "$tmp/policy" <<'EOF' || fail "promiscuous mode not seen"
import socket, struct, subprocess, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
idx = socket.if_nametoindex("hqv0")
s.setsockopt(263, 1, struct.pack("iHH8s", idx, 1, 0, b""))
out = subprocess.run([sys.argv[1], "--policy_path", sys.argv[2], "--csv",
    "--noheader", "SELECT flags FROM interface_details "
    "WHERE interface = 'hqv0'"], capture_output=True, text=True).stdout
sysfs = int(open("/sys/class/net/hqv0/flags").read(), 16)
got = int(out)
if not (got & 0x100) or got & 0xffff & ~0x40 != sysfs:
    print("hqv0 flags %#x, sysfs %#x" % (got, sysfs), file=sys.stderr)
    sys.exit(1)
EOF

# Pushed-down names; an unknown one is no row, not an error.
got=$(q "SELECT interface, mtu FROM interface_details WHERE interface = 'hqv0'")
expect_eq "WHERE interface = 'hqv0'" "$got" "hqv0,1234"
got=$(q "SELECT count(*) FROM interface_details WHERE interface IN ('lo', 'hqv1')")
expect_eq "IN (lo, hqv1)" "$got" 2
got=$(q "SELECT count(*) FROM interface_details WHERE interface = 'nosuch0'")
expect_eq "an unknown interface" "$got" 0
echo "test_interface_details: ok"
