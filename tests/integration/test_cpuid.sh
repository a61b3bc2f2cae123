#!/bin/sh
# cpuid against /proc/cpuinfo: the vendor, the brand string, and the
# feature bits the kernel shows as flags under other names (for the ones
# a stock kernel leaves as the processor says: not rdseed or rdrand,
# which it turns off on processors where they are broken).
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

value()
{
	"$HOSTQL" --list --noheader \
	    "SELECT value FROM cpuid WHERE feature = '$1'" 2>>"$tmp/err"
}

case $(uname -m) in
x86_64|i?86) ;;
*)
	n=$("$HOSTQL" --list --noheader "SELECT count(*) FROM cpuid" \
	    2>"$tmp/err")
	[ "$n" = 0 ] || fail "$n rows on $(uname -m)"
	grep -q "no cpuid" "$tmp/err" || fail "no warning on $(uname -m)"
	echo "test_cpuid: ok (not x86)"
	exit 0
	;;
esac

info()
{
	sed -n "s/^$1[[:space:]]*: //p" /proc/cpuinfo | head -n 1 |
	    sed 's/[[:space:]]*$//'
}

got=$(value vendor)
[ "$got" = "$(info vendor_id)" ] ||
    fail "vendor [$got], cpuinfo [$(info vendor_id)]"
# A processor without a brand string is named by the kernel itself.
got=$(value product_name)
[ -z "$got" ] || [ "$got" = "$(info 'model name')" ] ||
    fail "product_name [$got], cpuinfo [$(info 'model name')]"

flags=" $(info flags) "
for pair in pae:pae msr:msr sep:sep mtrr:mtrr pge:pge mca:mca pat:pat \
    clfsh:clflush mmz:mmx sse:sse sse2:sse2 sse3:pni ssse3:ssse3 \
    sse4.1:sse4_1 sse4.2:sse4_2 aes:aes avx:avx avx2:avx2 bmi2:bmi2 \
    adx:adx lm:lm nx:nx lahfsahf:lahf_lm \
    hypervisor:hypervisor; do
	feature=${pair%%:*}
	flag=${pair#*:}
	want=0
	case $flags in *" $flag "*) want=1 ;; esac
	got=$(value "$feature")
	[ "$got" = "$want" ] ||
	    fail "$feature is $got, /proc/cpuinfo has ${flag}: $want"
done
[ -s "$tmp/err" ] && fail "warnings: $(cat "$tmp/err")"

# One row per feature osquery names; hypervisor_id only under one.
n=$("$HOSTQL" --list --noheader "SELECT count(*) FROM cpuid")
want=68
case $flags in *" hypervisor "*) want=69 ;; esac
[ "$n" = "$want" ] || fail "$n rows, want $want"
echo "test_cpuid: ok"
