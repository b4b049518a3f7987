#!/bin/sh
# Covers every `.codex` folder in DIR and above it with an empty read-only tmpfs (run inside the
# run's mount namespace only). A folder can vanish between the look and the mount: Codex's bubblewrap
# sandbox makes empty `.codex` mount points in writable roots such as /tmp and / (seen with 0.150.0),
# and a run beside it may remove them again, so a mount that fails on a folder no longer there is not
# an error; any other failure is.
# Usage: cover-codex-dirs.sh DIR
dir=$1
while :; do
  target="$dir/.codex"
  if [ -d "$target" ] && [ ! -L "$target" ]; then
    if ! why=$(mount -t tmpfs -o ro,size=4k,mode=755 tmpfs "$target" 2>&1) && [ -d "$target" ]; then
      echo "cover-codex-dirs: cannot cover $target: $why" >&2
      exit 1
    fi
  fi
  [ "$dir" = / ] && break
  dir=$(dirname "$dir")
done
