#!/bin/sh
# Build every libFuzzer harness and run each for FUZZ_SECONDS (default 20),
# seeded with the fixtures of tests/fixtures where they fit.  Exits
# non-zero when any harness crashed, leaked or hung; the input that did it
# is left in build-fuzz/crashes/ and the log in build-fuzz/logs/.
#
#	sh fuzz/run.sh			every harness
#	sh fuzz/run.sh procfs netlink	only those
#
# Run from the top of the tree.  The corpus each run grows is kept in
# build-fuzz/corpus/NAME, so later runs start where earlier ones stopped.
set -u

SECONDS_EACH=${FUZZ_SECONDS:-20}
OUT=${FBUILD:-build-fuzz}
FX=tests/fixtures

make -s -f fuzz/Makefile FBUILD="$OUT" || exit 1

# Write one seed: seed NAME FILE PRINTF-FORMAT ('%' written as '%%').
seed() {
	mkdir -p "$OUT/seeds/$1"
	printf "$3" > "$OUT/seeds/$1/$2"
}

copy_seeds() {
	name=$1
	shift
	mkdir -p "$OUT/seeds/$name"
	for f in "$@"; do
		[ -f "$f" ] && cp "$f" "$OUT/seeds/$name/"
	done
}

make_seeds() {
	rm -rf "$OUT/seeds"
	# Frames: a whole HELLO, then type byte (type - 1) and payload.
	seed frame hello '\001\0\0\0\005\0\0\0\001\0\0\0\0\0\0\0\001\001\0\0\0'
	seed frame ping '\023\0\0\0\010\0\0\0\007\0\0\0\0\0\0\0\1\2\3\4\5\6\7\10'
	seed frame read_file '\003\013\0/etc/passwd\0\0\0\020\0\0\0\0\0'
	seed frame stat '\006\004\0/etc\0\001'
	seed frame proc_read '\010\003\0\0\0\002\0\0\0\001\0\0\0\052\0\0\0'
	seed frame netlink_dump '\011\0\002\006'
	seed frame dirents '\014\003\0etc\0\004\1\0\0\0\0\0\0\0\002\0ab\0\010\2\0\0\0\0\0\0\0'
	seed frame proc_data '\017\001\0\0\0\011\0\0\0\0\0\003\0\0\0abc'
	seed frame end '\021\0\0\0\0\100\0\0\0\0\0\0\0'
	seed frame log '\001\006\005\0hello\0'

	copy_seeds policy policy/default.policy
	seed policy ask 'allow read /etc/** /a/**/b/*.c\ndeny read /etc/shadow\nallow proc stat\n\000/etc/passwd\n/a/x/y/b/z.c\n/etc/shadow\n'

	# Patterns that once took minutes to match against long paths.
	{
		printf 'allow read /**/a/**/a/**/a/**/b /*a*a*a*a*a*a*a*a*b\n\000'
		i=0
		while [ $i -lt 300 ]; do printf '/a'; i=$((i + 1)); done
		printf '\n/'
		i=0
		while [ $i -lt 300 ]; do printf 'a'; i=$((i + 1)); done
		printf '\n'
	} > "$OUT/seeds/policy/slow"

	copy_seeds procfs "$FX"/proc/*.stat "$FX"/proc/*.status \
	    "$FX"/proc/*.io "$FX"/proc/*.cgroup "$FX"/proc/*cmdline* \
	    "$FX"/proc/stat "$FX"/proc/uptime
	copy_seeds passwd "$FX"/etc/passwd* "$FX"/etc/group*
	copy_seeds keyvalue "$FX"/etc/os-release* "$FX"/proc/meminfo \
	    "$FX"/proc/cmdline "$FX"/proc/cmdline-grub "$FX"/proc/cpuinfo-arm64
	copy_seeds cpuinfo "$FX"/proc/cpuinfo*
	copy_seeds textparse "$FX"/proc/uptime "$FX"/proc/self.io \
	    "$FX"/etc/group
	seed textparse numbers '18446744073709551615\n-9223372036854775808\n22.04.3\na:b::c\n'
	copy_seeds netlink "$FX"/netlink/*.bin
	seed sock_owners fds '\003\0\0\0\016\0socket:[12345]\0\004\0\0\0\011\0pipe:[77]\0'
	seed sock_owners ns '\003\0net\0\020\0net:[4026531840]\0'
	seed pathglob etc '/etc/%%\000passwd\nssh/\nhosts\n'
	seed pathglob home '/home/%%/.ssh/%%%%\000alice/\n.ssh/\nid_rsa\n'
	seed pathglob under '/usr/l_b/%%.so_/\000lib/\nlibc.so.6\nx/\n'
	seed timefmt epoch '\100\0\0\0\0\0\0\0\0'
	copy_seeds config "$FX"/config/*.conf "$FX"/config/*/*.conf \
	    packaging/hostqld.default.conf
	copy_seeds smbios "$FX"/smbios/*
	copy_seeds hwids "$FX"/hwids/*
	copy_seeds cpuid "$FX"/cpuid/epyc-kvm.txt
	copy_seeds uevent "$FX"/pci/*.uevent
	for d in "$FX"/usb/*/; do
		cp "$d/uevent" "$OUT/seeds/uevent/$(basename "$d").uevent"
	done
	copy_seeds iptables "$FX"/iptables/*.bin
	copy_seeds deb822 "$FX"/dpkg/*
	copy_seeds aptsource "$FX"/apt/*
	copy_seeds rpmheader "$FX"/rpm/*.hdr
	copy_seeds inifile "$FX"/yum/*
	copy_seeds pymeta "$FX"/python/*
	copy_seeds bdbhash "$FX"/rpm/*.bdb
	copy_seeds chain "$FX"/daemon/chain.log
	copy_seeds results "$FX"/daemon/results.bin
	copy_seeds rset "$FX"/daemon/rset.bin
	copy_seeds dflags "$FX"/daemon/flags.bin
	copy_seeds utmp "$FX"/logins/wtmp
	copy_seeds shadow "$FX"/shadow/*
	copy_seeds sudoers "$FX"/sudoers/*
	copy_seeds crontab "$FX"/crontab/*
	copy_seeds history "$FX"/history/*
	copy_seeds sshkey "$FX"/sshkey/*
	copy_seeds authkeys "$FX"/ssh/authorized_keys
	copy_seeds sshconfig "$FX"/ssh/ssh_config "$FX"/ssh/config-edge
}

make_seeds
mkdir -p "$OUT/logs" "$OUT/crashes"

if [ $# -gt 0 ]; then
	names=$*
else
	names=$(ls fuzz/fuzz_*.c | sed 's,fuzz/fuzz_\(.*\)\.c,\1,')
fi

failed=""
npassed=0
nfailed=0
for name in $names; do
	bin="$OUT/fuzz_$name"
	corpus="$OUT/corpus/$name"
	mkdir -p "$corpus"
	seeds=""
	[ -d "$OUT/seeds/$name" ] && seeds="$OUT/seeds/$name"
	maxlen=4096
	[ "$name" = frame ] && maxlen=16400
	[ "$name" = netlink ] && maxlen=16384
	[ "$name" = results ] && maxlen=16400
	printf '%-14s ' "$name"
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$SECONDS_EACH" -timeout=10 \
	    -rss_limit_mb=2048 -max_len="$maxlen" -print_final_stats=1 \
	    -artifact_prefix="$OUT/crashes/$name-" \
	    "$corpus" $seeds > "$OUT/logs/$name.log" 2>&1
	rc=$?
	stats=$(grep -E '^stat::number_of_executed_units' \
	    "$OUT/logs/$name.log" | awk '{print $2}')
	cov=$(grep -oE 'cov: [0-9]+' "$OUT/logs/$name.log" | tail -1)
	if [ $rc -eq 0 ]; then
		npassed=$((npassed + 1))
		echo "ok      ${stats:-?} runs, $cov"
	else
		echo "FAILED  (exit $rc), see $OUT/logs/$name.log"
		grep -E '^==[0-9]+==ERROR|runtime error|SUMMARY|deadly signal|Test unit written' \
		    "$OUT/logs/$name.log" | head -5 | sed 's/^/    /'
		failed="$failed $name"
		nfailed=$((nfailed + 1))
	fi
done

[ -n "$failed" ] && echo "crashed:$failed"
echo "fuzz: $npassed passed, $nfailed failed"
[ -z "$failed" ]
