#!/bin/sh
# Creates the unprivileged system users the sandboxed children run as.
# Safe to run again.
set -e
for u in _hostql _hostql-log; do
	if ! getent passwd "$u" >/dev/null; then
		useradd --system --no-create-home --home-dir /nonexistent \
		    --shell /usr/sbin/nologin --user-group "$u"
		echo "created user $u"
	fi
done
