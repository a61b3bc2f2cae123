#!/bin/sh
# cpu_info against lscpu: one row per socket, its model, vendor, cores
# per socket and threads, and the address width of a 64-bit capable CPU.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# A field of lscpu's summary, in the C locale.
field() {
	LC_ALL=C lscpu | sed -n "s/^$1:[[:space:]]*//p" | head -n 1
}

sockets=$(LC_ALL=C lscpu -p=SOCKET | grep -v '^#' | sort -u | wc -l)
got=$(hq_list "SELECT count(*) FROM cpu_info")
expect_eq "rows (sockets)" "$got" "$sockets"

got=$(hq_list "SELECT device_id, model, manufacturer, processor_type,
    cpu_status FROM cpu_info ORDER BY device_id LIMIT 1")
expect_eq "first package" "$got" \
    "CPU0|$(field 'Model name')|$(field 'Vendor ID')|3|65"

cores=$(field 'Core(s) per socket')
threads=$(field 'Thread(s) per core')
got=$(hq_list "SELECT number_of_cores, logical_processors FROM cpu_info
    ORDER BY device_id LIMIT 1")
expect_eq "cores and threads" "$got" "$cores|$((cores * threads))"

# Every logical CPU lscpu counts is in one of the packages.
got=$(hq_list "SELECT sum(logical_processors) FROM cpu_info")
expect_eq "logical processors" "$got" "$(field 'CPU(s)')"

case "$(field 'CPU op-mode(s)')" in
*64-bit*)
	got=$(hq_list "SELECT DISTINCT address_width FROM cpu_info")
	expect_eq "address width" "$got" 64 ;;
esac
if grep -q '^cpu MHz' /proc/cpuinfo ||
    [ -r /sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq ]; then
	got=$(hq_list "SELECT count(*) FROM cpu_info
	    WHERE current_clock_speed > 0")
	expect_eq "clock speed known" "$got" "$sockets"
fi
if [ -r /sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq ]; then
	want=$(($(cat /sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq) \
	    / 1000))
	got=$(hq_list "SELECT max_clock_speed FROM cpu_info
	    ORDER BY device_id LIMIT 1")
	expect_eq "max clock speed" "$got" "$want"
fi
echo "test_cpu_info: ok"
