#!/bin/sh
# system_info against the hostname, uname -m, /proc/cpuinfo, /proc/meminfo
# and the DMI strings the kernel shows.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"

col()
{
	"$HOSTQL" --csv --noheader "SELECT $1 FROM system_info" 2>/dev/null |
	    sed -e 's/^"\(.*\)"$/\1/' -e 's/""/"/g'
}

check()
{
	got=$(col "$1")
	[ "$got" = "$2" ] || fail "$1 is [$got], want [$2]"
}

host=$(cat /proc/sys/kernel/hostname)
check hostname "$host"
check computer_name "$host"
check local_hostname "$host"
check cpu_type "$(uname -m)"
check cpu_logical_cores "$(grep -c '^processor' /proc/cpuinfo)"
mem=$(awk '$1 == "MemTotal:" { printf "%.0f\n", $2 * 1024; exit }' \
    /proc/meminfo)
check physical_memory "$mem"
check cpu_brand "$(sed -n 's/^model name[ \t]*: *//p' /proc/cpuinfo |
    head -n 1 | sed 's/[ \t]*$//')"
check cpu_microcode "$(sed -n 's/^microcode[ \t]*: *//p' /proc/cpuinfo |
    head -n 1)"
sockets=$(sed -n 's/^physical id[ \t]*: *//p' /proc/cpuinfo | sort -u |
    wc -l)
[ "$sockets" -gt 0 ] || sockets=-1
check cpu_sockets "$sockets"
cores=$(awk -F'\t*: *' '
	$1 == "physical id" { p = $2 }
	$1 == "core id" { c[p "/" $2] = 1 }
	$1 == "processor" { n++ }
	END { k = 0; for (i in c) k++; print k ? k : n }' /proc/cpuinfo)
check cpu_physical_cores "$cores"

dmi()
{
	if [ -r "/sys/class/dmi/id/$1" ]; then
		head -n 1 "/sys/class/dmi/id/$1" 2>/dev/null |
		    sed 's/^[ \t]*//; s/[ \t]*$//'
	fi
}
check uuid "$(dmi product_uuid)"
check board_vendor "$(dmi board_vendor)"
check board_model "$(dmi board_name)"
check board_serial "$(dmi board_serial)"
vendor=$(dmi sys_vendor)
check hardware_vendor "$vendor"
check hardware_serial "$(dmi product_serial)"
case "$vendor" in
[Ll][Ee][Nn][Oo][Vv][Oo]) check hardware_model "$(dmi product_version)" ;;
*) check hardware_model "$(dmi product_name)" ;;
esac
echo "test_system_info: ok"
