#!/bin/sh
# The namespace's first process: makes the mounts private, mounts a /proc for the new pid namespace
# (the sandbox helper reads it) and an overlay over /etc, brings loopback up, then becomes the driver.
# Usage: isolate.sh ETC_UPPER ETC_WORK COMMAND...
set -e
mount --make-rprivate /
mount -t proc proc /proc
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$1,workdir=$2" /etc
ip link set lo up
shift 2
exec "$@"
