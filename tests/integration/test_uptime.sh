#!/bin/sh
# uptime against /proc/uptime, within two seconds.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"

line=$("$HOSTQL" --csv --noheader "SELECT days, hours, minutes, seconds,
    total_seconds FROM uptime" 2>/dev/null) || fail "hostql failed"
want=$(cut -d. -f1 /proc/uptime)
IFS=, read -r d h m s t <<EOT
$line
EOT
[ -n "$t" ] || fail "no row: [$line]"
diff=$((want - t))
[ "$diff" -ge 0 ] && [ "$diff" -le 2 ] ||
    fail "total_seconds [$t], /proc/uptime [$want]"
[ $((d * 86400 + h * 3600 + m * 60 + s)) = "$t" ] ||
    fail "days/hours/minutes/seconds [$line] do not add up"
[ "$h" -lt 24 ] && [ "$m" -lt 60 ] && [ "$s" -lt 60 ] ||
    fail "out of range: [$line]"
echo "test_uptime: ok"
