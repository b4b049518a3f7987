#!/bin/sh
# The namespace's first process: makes the mounts private, mounts a /proc for the new pid namespace
# (the sandbox helper reads it) and an overlay over /etc with a loopback resolver, hides `.codex`
# folders above the run directory, brings loopback up, then becomes the driver.
# Usage: isolate.sh ETC_UPPER ETC_WORK COMMAND...
set -e
mount --make-rprivate /
mount -t proc proc /proc
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1,workdir=$2" /etc
# Names resolve against loopback, where nothing answers, so a lookup fails at once instead of waiting
# out the host's resolver (codex mcp list spends 15 s probing an HTTP server's login otherwise). The
# file is removed first: through a symlink the write would reach outside the overlay.
rm -f /etc/resolv.conf
printf 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n' > /etc/resolv.conf
# Some releases look for project config past the project's git root (0.147.0 on defaults), so a
# `.codex` left in /tmp or / would reach every run: each one above the run directory is covered with
# an empty read-only folder, in this namespace only.
sh "$(dirname "$0")/cover-codex-dirs.sh" "$(dirname "$(dirname "$1")")"
ip link set lo up
shift 2
exec "$@"
