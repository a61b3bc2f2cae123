#!/bin/sh
# iptables against iptables-legacy: chains of our own in the filter
# table with rules of every kind the columns describe (ports, inverted
# addresses and interfaces, a jump, a fall-through, counters), compared
# row by row with what iptables-legacy-save -c says, then removed.  A
# table that is not loaded is never asked for (that would load it).
# Without legacy iptables in the kernel the table must warn and give no
# rows.  Needs $HOSTQL and iptables (Debian's package); runs as root.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
IPT=iptables-legacy
cleanup() {
	$IPT -t filter -D INPUT -j hqtest 2>/dev/null
	$IPT -t filter -F hqtest 2>/dev/null
	$IPT -t filter -X hqtest 2>/dev/null
	$IPT -t filter -X hqempty 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
command -v $IPT >/dev/null || fail "$IPT missing (Debian package iptables)"

q() {
	timeout 20 "$HOSTQL" --csv --noheader "$1" 2>"$tmp/err" ||
	    fail "hostql failed on: $1: $(cat "$tmp/err")"
}

if ! $IPT -t filter -N hqtest 2>"$tmp/ipt.err"; then
	# No legacy iptables here: a warning and no rows, not a failure.
	q "SELECT * FROM iptables" >"$tmp/rows"
	[ ! -s "$tmp/rows" ] || fail "rows without legacy iptables"
	[ -s "$tmp/err" ] || fail "no warning without legacy iptables"
	echo "test_iptables: ok (no legacy iptables: $(cat "$tmp/ipt.err"))"
	exit 0
fi
$IPT -t filter -N hqempty
$IPT -t filter -A hqtest -p tcp --dport 2222 -s 10.1.2.0/24 -j ACCEPT -c 5 500
$IPT -t filter -A hqtest -p udp --sport 53 -d 192.168.7.7 -i eth0 -j DROP
$IPT -t filter -A hqtest ! -s 10.9.0.0/16 -p tcp ! --dport 1000:2000 -o eth+ -j REJECT
$IPT -t filter -A hqtest -p icmp -j LOG --log-prefix hq
$IPT -t filter -A hqtest -m comment --comment hostql
$IPT -t filter -A hqtest ! -p udp -j RETURN
$IPT -t filter -A hqtest -j hqempty
$IPT -t filter -A INPUT -j hqtest

got=$(q "SELECT target, protocol, src_port, dst_port, src_ip, src_mask,
    iniface, iniface_mask, dst_ip, dst_mask, outiface, outiface_mask, match,
    packets, bytes, policy FROM iptables
    WHERE filter_name = 'filter' AND chain = 'hqtest' AND target IS NOT NULL")
want='ACCEPT,6,0:65535,2222:2222,10.1.2.0,255.255.255.0,all,,0.0.0.0,0.0.0.0,all,,yes,5,500,
DROP,17,53:53,0:65535,0.0.0.0,0.0.0.0,eth0,FFFFFFFFFF,192.168.7.7,255.255.255.255,all,,yes,0,0,
REJECT,6,0:65535,!1000:2000,!10.9.0.0,255.255.0.0,all,,0.0.0.0,0.0.0.0,eth+,FFFFFF,yes,0,0,
LOG,1,,,0.0.0.0,0.0.0.0,all,,0.0.0.0,0.0.0.0,all,,no,0,0,
,0,,,0.0.0.0,0.0.0.0,all,,0.0.0.0,0.0.0.0,all,,yes,0,0,
RETURN,!17,,,0.0.0.0,0.0.0.0,all,,0.0.0.0,0.0.0.0,all,,no,0,0,
hqempty,0,,,0.0.0.0,0.0.0.0,all,,0.0.0.0,0.0.0.0,all,,no,0,0,'
expect_eq "the rules of hqtest" "$got" "$want"

# Every chain and rule of the table, in iptables-legacy-save's order:
# the chain, the target and the rule's counters.  Counters of chains
# packets pass through may move between the two readings; ours do not.
$IPT-save -c -t filter | awk '
/^:/ { sub(/^:/, ""); print "chain " $1 " " ($2 == "-" ? "" : $2) }
/^\[/ {
	split(substr($1, 2, length($1) - 2), c, ":")
	t = ""
	for (i = 1; i <= NF; i++) if ($i == "-j") t = $(i + 1)
	print $3 " " t " " (($3 == "hqtest" || $3 == "hqempty") ? c[1] ":" c[2] : "")
}' >"$tmp/save"
q "SELECT chain, coalesce(target, '~'), policy, packets, bytes
    FROM iptables WHERE filter_name = 'filter'" >"$tmp/rows"
# Chain rows carry no target ('~'); rule rows do ("" for none).
awk -F, '$2 == "~" { print "chain " $1 " " $3 }' "$tmp/rows" | sort >"$tmp/hq.chains"
grep '^chain ' "$tmp/save" | sort >"$tmp/save.chains"
cmp -s "$tmp/save.chains" "$tmp/hq.chains" || fail "chains and policies differ:
$(diff "$tmp/save.chains" "$tmp/hq.chains")"
awk -F, '$2 != "~" {
	print $1 " " $2 " " (($1 == "hqtest" || $1 == "hqempty") ? $4 ":" $5 : "")
}' "$tmp/rows" >"$tmp/hq.rules"
grep -v '^chain ' "$tmp/save" >"$tmp/save.rules"
cmp -s "$tmp/save.rules" "$tmp/hq.rules" || fail "rules differ from $IPT-save:
$(diff "$tmp/save.rules" "$tmp/hq.rules")"

# A table the kernel has not loaded is not asked for, so not loaded.
for t in raw mangle nat security; do
	grep -qx "$t" /proc/net/ip_tables_names && continue
	got=$(q "SELECT count(*) FROM iptables WHERE filter_name = '$t'")
	expect_eq "rows of unloaded $t" "$got" 0
	grep -qx "$t" /proc/net/ip_tables_names &&
	    fail "asking for $t loaded it"
	break
done
echo "test_iptables: ok"
