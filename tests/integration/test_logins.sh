#!/bin/sh
# last and logged_in_users against util-linux's utmpdump of the same
# files: the system's own /var/log/wtmp and /run/utmp as they are, then
# records written with utmpdump -r (logins from IPv4 and IPv6 hosts, a
# logout, boot and run-level records, a user name that fills its field,
# a record cut short), put in place of both files by bind mounts in a
# mount namespace of the test's own; last -f and who read them too.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
command -v utmpdump >/dev/null || fail "utmpdump (util-linux) is missing"
command -v unshare >/dev/null || fail "unshare (util-linux) is missing"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# The records of a utmp file as "type|pid|line|user|host|time", the time
# in seconds since the epoch.
records() {
	utmpdump "$1" 2>/dev/null | awk -F'\\] \\[' '
	function rtrim(s) { sub(/ +$/, "", s); return s }
	NF == 8 {
		sub(/^\[/, "", $1); sub(/\]$/, "", $8); sub(/,[0-9]+/, "", $8)
		print $1 "|" ($2 + 0) "|" rtrim($5) "|" rtrim($4) "|" \
		    rtrim($6) "|" $8
	}' | while IFS='|' read -r type pid line user host when; do
		echo "$type|$pid|$line|$user|$host|$(date -d "$when" +%s)"
	done
}

# What last and logged_in_users should give for the records of a file.
want_last() {
	records "$1" | awk -F'|' '
	$1 == 7 || $1 == 8 {
		print $4 "," $3 "," $2 "," $1 "," \
		    ($1 == 7 ? "user-process" : "dead-process") "," $6 "," $5
	}'
}

want_logged_in() {
	records "$1" | awk -F'|' '
	BEGIN {
		split("runlevel boot_time new_time old_time init login user " \
		    "dead accounting", name, " ")
		name[0] = "empty"
	}
	$2 != 1 {
		t = ($1 in name) ? name[$1] : "unknown"
		print t "," $4 "," $3 "," $5 "," $6 "," $2
	}'
}

compare() {
	sort "$2" >"$2.sorted"
	sort "$3" >"$3.sorted"
	if ! cmp -s "$2.sorted" "$3.sorted"; then
		diff "$2.sorted" "$3.sorted" >&2
		fail "$1 (< utmpdump, > hostql)"
	fi
}

# The policy must let privd open the login records.
"$HOSTQL" "SELECT count(*) FROM last; SELECT count(*) FROM logged_in_users" \
    >/dev/null 2>"$tmp/err" || fail "hostql failed: $(cat "$tmp/err")"
if grep -q "Permission denied" "$tmp/err"; then
	fail "the policy refuses the login records: it needs" \
	    "'allow read /var/log/wtmp /run/utmp /var/run/utmp'"
fi

# The system's own files, as they are.
if [ -f /var/log/wtmp ]; then
	want_last /var/log/wtmp >"$tmp/want"
	hq "SELECT username, tty, pid, type, type_name, time, host
	    FROM last" >"$tmp/got"
	compare "last differs from utmpdump /var/log/wtmp" "$tmp/want" \
	    "$tmp/got"
fi
for f in /run/utmp /var/run/utmp; do
	[ -f "$f" ] || continue
	want_logged_in "$f" >"$tmp/want"
	hq "SELECT type, user, tty, host, time, pid
	    FROM logged_in_users" >"$tmp/got"
	compare "logged_in_users differs from utmpdump $f" "$tmp/want" \
	    "$tmp/got"
	break
done

# Records of our own.
cat >"$tmp/records" <<'EOF'
[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2024-03-01T08:00:00,123456+00:00]
[1] [00053] [~~  ] [runlevel] [~           ] [6.1.0-18-amd64      ] [0.0.0.0        ] [2024-03-01T08:00:05,000000+00:00]
[5] [00001] [si  ] [        ] [            ] [                    ] [0.0.0.0        ] [2024-03-01T08:00:05,000000+00:00]
[6] [00612] [tty1] [LOGIN   ] [tty1        ] [                    ] [0.0.0.0        ] [2024-03-01T08:00:06,000000+00:00]
[7] [01234] [ts/0] [alice   ] [pts/0       ] [203.0.113.7         ] [203.0.113.7    ] [2024-03-01T09:15:30,500000+00:00]
[7] [01300] [ts/1] [bob     ] [pts/1       ] [2001:db8::1         ] [2001:db8::1    ] [2024-03-01T09:20:00,000000+00:00]
[8] [01234] [ts/0] [        ] [pts/0       ] [                    ] [0.0.0.0        ] [2024-03-01T10:00:00,000000+00:00]
[7] [01500] [ts/2] [averyveryverylongusernamethatfil] [pts/2       ] [a.very.long.host.example.org] [0.0.0.0        ] [2038-01-19T03:14:07,000000+00:00]
EOF
utmpdump -r <"$tmp/records" >"$tmp/wtmp" 2>/dev/null ||
    fail "utmpdump -r could not write records"
[ "$(wc -c <"$tmp/wtmp")" -eq $((8 * 384)) ] ||
    fail "utmpdump -r wrote $(wc -c <"$tmp/wtmp") bytes, not 8 records"
cp "$tmp/wtmp" "$tmp/utmp"
want_last "$tmp/wtmp" >"$tmp/want_last"
want_logged_in "$tmp/utmp" >"$tmp/want_logged_in"
[ "$(wc -l <"$tmp/want_last")" -eq 4 ] || fail "the records give no logins"

# hostql with our files in place of the system's; its output and its
# warnings go to files.
in_namespace() {
	unshare -m sh -c '
	set -e
	mount --make-rprivate /
	mount -t tmpfs hostql-test /run
	cp "$1/utmp" /run/utmp
	[ -e /var/log/wtmp ] || mount -t tmpfs hostql-test /var/log
	[ -e /var/log/wtmp ] || touch /var/log/wtmp
	mount --bind "$1/wtmp" /var/log/wtmp
	"$2" --csv --noheader "$3" >"$1/out" 2>"$1/err"
	' sh "$tmp" "$HOSTQL" "$1" || fail "hostql in a mount namespace failed"
}

in_namespace "SELECT username, tty, pid, type, type_name, time, host FROM last"
compare "last differs from utmpdump of our records" "$tmp/want_last" \
    "$tmp/out"
in_namespace "SELECT type, user, tty, host, time, pid FROM logged_in_users"
compare "logged_in_users differs from utmpdump of our records" \
    "$tmp/want_logged_in" "$tmp/out"

# last reads the same wtmp: the user, line and host of each login.
last -w -f "$tmp/wtmp" | awk '$1 != "reboot" && NF > 2 && $1 != "wtmp" {
	host = ($3 ~ /^[A-Z][a-z][a-z]$/) ? "" : $3
	print $1 "," $2 "," host
}' | grep -v averyvery | sort >"$tmp/want"
in_namespace "SELECT username, tty, host FROM last WHERE type = 7"
grep -v averyvery "$tmp/out" | sort >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" ||
    fail "last's logins differ from last -f: $(cat "$tmp/got")"

# who reads the same utmp: its users and lines.
who "$tmp/utmp" | awk '{ print $1 "," $2 }' | sort >"$tmp/want"
in_namespace "SELECT user, tty FROM logged_in_users WHERE type = 'user'"
sort "$tmp/out" >"$tmp/got"
# who cuts names to its column; compare the names it prints in full.
grep -v averyvery "$tmp/want" >"$tmp/want.short"
grep -v averyvery "$tmp/got" >"$tmp/got.short"
cmp -s "$tmp/want.short" "$tmp/got.short" ||
    fail "logged_in_users users differ from who: $(cat "$tmp/got")"

# A record cut short at the end: the whole ones, and a warning.
head -c 100 "$tmp/wtmp" >>"$tmp/wtmp"
in_namespace "SELECT count(*) FROM last"
expect_eq "rows of a wtmp with a partial record" "$(cat "$tmp/out")" 4
expect_contains "warning on a partial record" "$(cat "$tmp/err")" \
    "partial record of 100 bytes"

# An empty wtmp: no rows, no error.
: >"$tmp/wtmp"
in_namespace "SELECT count(*) FROM last"
expect_eq "rows of an empty wtmp" "$(cat "$tmp/out")" 0
echo "test_logins: ok"
