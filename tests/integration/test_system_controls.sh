#!/bin/sh
# system_controls against sysctl -a (the values that hold still between
# two reads), WHERE name = and subsystem =, and config_value against the
# sysctl.d files as systemd-analyze lists them, with a file of our own
# in /run/sysctl.d that uses the syntax's corners.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
conf=/run/sysctl.d/zz-hostql-test.conf
made_dir=0
cleanup() {
	rm -rf "$tmp"
	rm -f "$conf"
	[ "$made_dir" = 1 ] && rmdir /run/sysctl.d 2>/dev/null
}
trap cleanup EXIT
trap 'exit 1' INT TERM

list() {
	"$HOSTQL" --list --noheader --separator ' = ' "$1" 2>"$tmp/err" ||
	    fail "hostql failed on: $1: $(cat "$tmp/err")"
}

# Values on one line that a read before and a read after hostql's
# agree on; a multi-line value prints its name on each line, so names
# seen twice are left out.
sysctl -a 2>/dev/null | sort >"$tmp/s1"
list "SELECT name, current_value FROM system_controls
    WHERE current_value IS NOT NULL" | sort >"$tmp/got"
sysctl -a 2>/dev/null | sort >"$tmp/s2"
comm -12 "$tmp/s1" "$tmp/s2" >"$tmp/stable"
awk -F' = ' '{ n[$1]++ } END { for (k in n) if (n[k] > 1) print k }' \
    "$tmp/s1" | sort >"$tmp/multi"
# Counters hostql's own run moves while it reads them (its open files,
# its processes) are the same before and after but not in between.
printf '%s\n' fs.file-nr fs.dentry-state fs.inode-nr fs.inode-state \
    kernel.ns_last_pid >>"$tmp/multi"
awk -F' = ' 'NR == FNR { skip[$0] = 1; next } !($1 in skip)' \
    "$tmp/multi" "$tmp/stable" | sort >"$tmp/want"
[ "$(wc -l <"$tmp/want")" -gt 100 ] || fail "sysctl -a gave too little"
missing=$(comm -23 "$tmp/want" "$tmp/got")
if [ -n "$missing" ]; then
	echo "$missing" | head -20 >&2
	fail "$(echo "$missing" | wc -l) sysctl -a line(s) not in hostql"
fi

# One name reads one file; a name with a '.' inside a component and a
# name that would climb out of /proc/sys give nothing.
got=$(list "SELECT name, current_value, subsystem, type FROM
    system_controls WHERE name = 'kernel.ostype'")
expect_eq "WHERE name = 'kernel.ostype'" "$got" \
    "kernel.ostype = $(sysctl -n kernel.ostype) = kernel = string"
got=$(list "SELECT count(*) FROM system_controls
    WHERE name IN ('kernel.//.//.etc.passwd', 'kernel', '', 'no.such')")
expect_eq "names that are no control" "$got" 0
# (sysctl leaves out a few it knows to be write-only in effect, such
# as vm.stat_refresh; those have rows here, as in osquery.)
list "SELECT name FROM system_controls WHERE subsystem = 'vm'" |
    sort >"$tmp/vm"
grep -v '^vm\.' "$tmp/vm" && fail "WHERE subsystem = 'vm' gave other names"
sysctl -a 2>/dev/null | sed -n 's/^\(vm\.[^ ]*\) = .*/\1/p' | sort -u |
    comm -23 - "$tmp/vm" >"$tmp/vmmissing"
[ -s "$tmp/vmmissing" ] && fail "WHERE subsystem = 'vm' lacks $(cat "$tmp/vmmissing")"

# config_value: our file is read after every other (by its name), so
# its settings are what systemd-sysctl would apply.
if [ ! -d /run/sysctl.d ]; then
	mkdir /run/sysctl.d && made_dir=1
fi
cat >"$conf" <<'CONF'
# hostql test
vm.overcommit_ratio = 77
-kernel/ostype = NotLinux
  vm.swappiness=  13
vm.dirty_ratio = 1 = 2
CONF
got=$(list "SELECT name, config_value FROM system_controls
    WHERE name IN ('vm.overcommit_ratio', 'kernel.ostype', 'vm.swappiness',
    'vm.dirty_ratio') ORDER BY name")
expect_eq "config_value of our file" "$got" "kernel.ostype = NotLinux
vm.dirty_ratio = 1 = 2
vm.overcommit_ratio = 77
vm.swappiness = 13"

# Every explicit setting systemd-analyze lists, last one winning.
if command -v systemd-analyze >/dev/null 2>&1; then
	systemd-analyze cat-config sysctl.d 2>/dev/null | awk '
	/^[ \t]*[#;]/ || !/=/ { next }
	{
		i = index($0, "=")
		k = substr($0, 1, i - 1); v = substr($0, i + 1)
		gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
		sub(/^-/, "", k)
		if (k ~ /[*?[]/) next
		s = index(k, "/"); d = index(k, ".")
		if (s > 0 && (d == 0 || s < d)) {
			gsub(/\./, "\001", k); gsub(/\//, ".", k)
			gsub(/\001/, "/", k)
		}
		val[k] = v
	}
	END { for (k in val) print k " = " val[k] }' | sort >"$tmp/conf"
	list "SELECT name, config_value FROM system_controls
	    WHERE config_value IS NOT NULL" | sort >"$tmp/gotconf"
	# Only names the kernel has: a setting for a control this kernel
	# lacks has no row.
	cut -d' ' -f1 "$tmp/gotconf" | sort -u >"$tmp/names"
	awk 'NR == FNR { have[$1] = 1; next } ($1 in have)' \
	    "$tmp/names" "$tmp/conf" >"$tmp/wantconf"
	missing=$(comm -23 "$tmp/wantconf" "$tmp/gotconf")
	[ -z "$missing" ] || fail "config_value differs: $missing"
	grep -q '^vm.overcommit_ratio = 77$' "$tmp/wantconf" ||
	    fail "systemd-analyze did not list our file"
fi
echo "test_system_controls: ok"
