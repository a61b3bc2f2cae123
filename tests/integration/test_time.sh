#!/bin/sh
# time against date(1): the same instant printed every way the table
# prints it, and the clock within two seconds.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
export LC_ALL=C

before=$(date +%s)
line=$("$HOSTQL" --csv --noheader "SELECT unix_time, weekday, year, month,
    day, hour, minutes, seconds, timezone, local_timezone, timestamp,
    datetime, iso_8601 FROM time" 2>/dev/null) || fail "hostql failed"
after=$(date +%s)
IFS=, read -r t wd y mo d h mi s tz ltz ts dt iso <<EOT
$line
EOT
[ -n "$iso" ] || fail "no row: [$line]"
[ "$t" -ge $((before - 1)) ] && [ "$t" -le $((after + 1)) ] ||
    fail "unix_time [$t] not between $before and $after"

want=$(date -u -d "@$t" '+%A,%Y,%-m,%-d,%-H,%-M,%-S')
[ "$wd,$y,$mo,$d,$h,$mi,$s" = "$want" ] ||
    fail "fields [$wd,$y,$mo,$d,$h,$mi,$s], date says [$want]"
[ "$tz" = UTC ] || fail "timezone [$tz]"
want=$(date -d "@$t" +%Z)
[ "$ltz" = "$want" ] || fail "local_timezone [$ltz], date +%Z [$want]"
want=$(date -u -d "@$t" '+%a %b %e %H:%M:%S %Y UTC')
[ "$ts" = "$want" ] || fail "timestamp [$ts], want [$want]"
want=$(date -u -d "@$t" '+%Y-%m-%dT%H:%M:%SZ')
[ "$dt" = "$want" ] || fail "datetime [$dt], want [$want]"
[ "$iso" = "$want" ] || fail "iso_8601 [$iso], want [$want]"
echo "test_time: ok"
