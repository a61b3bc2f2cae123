#!/bin/sh
# Installs, with apt-get, the Debian packages that building and testing
# hostql need and that are not there yet.  Run as root.
set -e
PKGS="build-essential pkg-config clang libclang-rt-14-dev
libevent-dev libsqlite3-dev libsodium-dev libseccomp-dev libmd-dev
libedit-dev libjansson-dev libssl-dev libpcre2-dev check
iproute2 procps passwd python3 tmux hyperfine sqlite3 strace
chromium systemd udev util-linux mount fdisk e2fsprogs kmod cryptsetup-bin
dmsetup rpm libalpm13 openssh-client sudo cron zsh
iptables netbase pciutils pci.ids usbutils usb.ids dmidecode"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
fi
