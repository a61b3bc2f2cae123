#!/bin/sh
# startup_items: the systemd unit files with their states against
# `systemctl --root=/ list-unit-files` (which reads the same files, with
# or without a running systemd), units of our own in each state made
# with systemctl itself, and XDG autostart entries and scripts of a test
# user and of /etc/xdg/autostart.
. "$(dirname "$0")/lib.sh"
set -u
: "${HOSTQL:?set HOSTQL to the hostql binary}"
tmp=$(mktemp -d) || exit 1
user=hqstartup
units=/etc/systemd/system
xdg=/etc/xdg/autostart
made_xdg=0
cleanup() {
	if command -v systemctl >/dev/null 2>&1; then
		systemctl --root=/ disable hqtest-en.service >/dev/null 2>&1
		systemctl --root=/ unmask hqtest-mask.service >/dev/null 2>&1
	fi
	rm -f "$units/hqtest-en.service" "$units/hqtest-dis.service" \
	    "$units/hqtest-static.service" "$units/hqtest-alias.service" \
	    "$units/hqtest-mask.service" "$xdg/hqtest.desktop"
	[ "$made_xdg" = 1 ] && rmdir "$xdg" 2>/dev/null
	userdel -r "$user" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Units of our own.
mkdir -p "$units"
cat >"$units/hqtest-en.service" <<'UNIT'
[Unit]
Description=hostql test, enabled
[Service]
ExecStart=/bin/true
[Install]
WantedBy=multi-user.target
Alias=hqtest-alias.service
UNIT
cat >"$units/hqtest-dis.service" <<'UNIT'
[Service]
ExecStart=/bin/true
[Install]
WantedBy=multi-user.target
UNIT
cat >"$units/hqtest-static.service" <<'UNIT'
[Service]
User=nobody
ExecStart=/bin/true
UNIT
if command -v systemctl >/dev/null 2>&1; then
	systemctl --root=/ enable hqtest-en.service >/dev/null 2>&1 ||
	    fail "systemctl enable"
	systemctl --root=/ mask hqtest-mask.service >/dev/null 2>&1 ||
	    fail "systemctl mask"
else
	mkdir -p "$units/multi-user.target.wants"
	ln -s "$units/hqtest-en.service" \
	    "$units/multi-user.target.wants/hqtest-en.service"
	ln -s hqtest-en.service "$units/hqtest-alias.service"
	ln -s /dev/null "$units/hqtest-mask.service"
fi
got=$(hq_list "SELECT name, status, path, coalesce(username, '-') FROM
    startup_items WHERE name LIKE 'hqtest-%' ORDER BY name")
expect_eq "our units" "$got" \
"hqtest-alias.service|alias|$units/hqtest-alias.service|-
hqtest-dis.service|disabled|$units/hqtest-dis.service|-
hqtest-en.service|enabled|$units/hqtest-en.service|-
hqtest-mask.service|masked|$units/hqtest-mask.service|-
hqtest-static.service|static|$units/hqtest-static.service|nobody"

# Every unit file and its state, as systemctl has them.
if command -v systemctl >/dev/null 2>&1; then
	systemctl --root=/ list-unit-files --no-legend --no-pager 2>/dev/null |
	    awk '$2 !~ /^(generated|transient|linked|linked-runtime)$/ {
	    print $1 "|" $2 }' | sort >"$tmp/want"
	hq_list "SELECT name, status FROM startup_items
	    WHERE type = 'systemd unit'" | sort >"$tmp/got"
	[ -s "$tmp/want" ] || fail "systemctl listed no unit files"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		diff "$tmp/want" "$tmp/got" >&2
		fail "units differ from systemctl (< systemctl, > hostql)"
	fi
fi

# XDG autostart: a user's entries (one hidden) and script, and a
# system-wide entry.
useradd -m -s /bin/sh "$user" || fail "useradd"
home=$(getent passwd "$user" | cut -d: -f6)
mkdir -p "$home/.config/autostart" "$home/.config/autostart-scripts"
cat >"$home/.config/autostart/hq-on.desktop" <<'DESK'
[Desktop Entry]
Type=Application
Name=HQ Test On
Name[de]=HQ Test An
Exec="/opt/hq tool/run" --flag value
[Desktop Action other]
Exec=/bin/false
DESK
cat >"$home/.config/autostart/hq-off.desktop" <<'DESK'
[Desktop Entry]
Name=HQ Test Off
Exec=/usr/bin/hq-off
Hidden=true
DESK
printf '#!/bin/sh\n' >"$home/.config/autostart-scripts/hq.sh"
if [ ! -d "$xdg" ]; then
	mkdir -p "$xdg" && made_xdg=1
fi
printf '[Desktop Entry]\nName=HQ System\nExec=hq-system\n' \
    >"$xdg/hqtest.desktop"
got=$(hq_list "SELECT name, path, coalesce(args, '-'), type, status, source,
    coalesce(username, '-') FROM startup_items
    WHERE name LIKE 'HQ %' OR name = 'hq.sh' ORDER BY name")
expect_eq "autostart entries" "$got" \
"HQ System|hq-system|-|Startup Item|enabled|$xdg/|-
HQ Test Off|/usr/bin/hq-off|-|Startup Item|disabled|$home/.config/autostart/|$user
HQ Test On|/opt/hq tool/run|--flag value|Startup Item|enabled|$home/.config/autostart/|$user
hq.sh|$home/.config/autostart-scripts/hq.sh|-|Startup Item|enabled|$home/.config/autostart-scripts/|$user"

# SysV scripts: every file of /etc/init.d.
if [ -d /etc/init.d ]; then
	find /etc/init.d -mindepth 1 -maxdepth 1 ! -type d | sort >"$tmp/want"
	hq_list "SELECT path FROM startup_items WHERE source = '/etc/init.d/'" |
	    sort >"$tmp/got"
	cmp -s "$tmp/want" "$tmp/got" || fail "/etc/init.d scripts differ"
fi
echo "test_startup_items: ok"
