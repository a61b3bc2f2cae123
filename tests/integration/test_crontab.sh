#!/bin/sh
# crontab against what cron's own tools show: a user crontab installed
# with crontab(1) and listed with crontab -l, a file of the test's own in
# /etc/cron.d, and /etc/crontab.  Each file's job lines (not comments,
# not NAME=value settings) are rows with their fields, the command as
# written.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
command -v crontab >/dev/null || fail "crontab (cron) is missing"
tmp=$(mktemp -d) || exit 1
cleanup() {
	crontab -r -u hqcr_user 2>/dev/null
	userdel hqcr_user 2>/dev/null
	rm -f /etc/cron.d/hqtest
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

cleanup
mkdir -p "$tmp"
useradd -M -s /bin/sh hqcr_user || fail "useradd"
cat >"$tmp/user" <<'EOF'
# the test's crontab
MAILTO = ops@example.org
PATH=/usr/bin:/bin
*/5 * * * *   /usr/bin/true --quiet  >/dev/null 2>&1
@reboot  /usr/bin/env  X=1 true
0 3 * * 1-5	echo "a, b" % tail
EOF
crontab -u hqcr_user "$tmp/user" || fail "crontab -u hqcr_user"
printf '%s\n' 'SHELL=/bin/sh' '17 4 * * * root /usr/bin/true hqtest' \
    >/etc/cron.d/hqtest
chmod 0644 /etc/cron.d/hqtest

# The job lines of a crontab as rows of the table.
jobs() {
	awk -v path="$2" '
	function q(s) {
		if (s ~ /[,"\n\r]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
		return s
	}
	{ sub(/^[ \t]+/, ""); sub(/[ \t\r]+$/, "") }
	$0 == "" || /^#/ { next }
	$1 ~ /=/ || $2 ~ /^=/ { next }
	/^@/ {
		ev = $1; cmd = $0; sub(/^[^ \t]+[ \t]+/, "", cmd)
		if (NF > 1) print q(ev) ",,,,,," q(cmd) "," path
		next
	}
	NF > 5 {
		cmd = $0
		for (i = 0; i < 5; i++) sub(/^[^ \t]+[ \t]+/, "", cmd)
		print "," q($1) "," q($2) "," q($3) "," q($4) "," q($5) "," \
		    q(cmd) "," path
	}' "$1"
}

"$HOSTQL" --csv --noheader "SELECT event, minute, hour, day_of_month,
    month, day_of_week, command, path FROM crontab" >"$tmp/rows" \
    2>"$tmp/err" || fail "hostql failed: $(cat "$tmp/err")"
if grep -q "/var/spool/cron.*Permission denied" "$tmp/err"; then
	fail "the policy refuses the users' crontabs: it needs" \
	    "'allow read /var/spool/cron/** /var/at/tabs/**'"
fi

spool=/var/spool/cron/crontabs/hqcr_user
crontab -l -u hqcr_user >"$tmp/listed" || fail "crontab -l -u hqcr_user"
jobs "$tmp/listed" "$spool" >"$tmp/want"
grep -F ",$spool" "$tmp/rows" >"$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff "$tmp/want" "$tmp/got" >&2
	fail "rows of $spool differ from crontab -l (< crontab, > hostql)"
fi
expect_eq "jobs of hqcr_user" "$(wc -l <"$tmp/got")" 3
expect_contains "the @reboot job" "$(cat "$tmp/got")" \
    "@reboot,,,,,,/usr/bin/env  X=1 true,"

for f in /etc/crontab /etc/cron.d/hqtest; do
	[ -f "$f" ] || continue
	jobs "$f" "$f" >"$tmp/want"
	grep -F ",$f" "$tmp/rows" | grep -v -F ",$f/" >"$tmp/got"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		diff "$tmp/want" "$tmp/got" >&2
		fail "rows of $f (< the file, > hostql)"
	fi
done
expect_contains "the /etc/cron.d job" "$(cat "$tmp/rows")" \
    ",17,4,*,*,*,root /usr/bin/true hqtest,/etc/cron.d/hqtest"
echo "test_crontab: ok"
