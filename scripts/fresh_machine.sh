#!/usr/bin/env bash
# The proof that every documented command works on a truly fresh Debian 12: Debian's own Python 3.11.2, no Node,
# nothing else. For each command, a new minimal Debian 12 root (debootstrap --variant=minbase with ca-certificates,
# git, make and python3, unpacked from a tarball kept outside the repository) gets its own copy of a clean clone
# of the current commit (uncommitted changes are not in it), and the command runs there as root with CI=true.
# Then one line per command: its exit status and its seconds, as a table, printed and written to
# fresh-machine-table.txt (git-ignored; FRESH_MACHINE_TABLE=path elsewhere); each command's output is kept in a log.
#
# usage: scripts/fresh_machine.sh [COMMAND ...]      (default: the five commands below; run as root)
#
# Needs root (debootstrap, mount, chroot) and the host's debootstrap (installed here with apt-get when missing).
# Only downloads are shared between the roots (apt's .deb files and pip's HTTP cache, in the cache directory):
# every package is still installed by the command's own set-up. This network re-signs TLS, so the host's CA
# bundle is copied in and PIP_CERT, SSL_CERT_FILE, REQUESTS_CA_BUNDLE and NODE_EXTRA_CA_CERTS point at it.
# Exit status: 0 every command passed, 1 one failed, 2 this script could not set up a root.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${FRESH_MACHINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chsi-guide}
tarball=$cache/debootstrap-bookworm.tar
mirror=${FRESH_MACHINE_MIRROR:-http://deb.debian.org/debian}
if (($#)); then
  commands=("$@")
else
  commands=("make build" "make links" "make email-kit" "make check" "make test")
fi

say() { echo "fresh-machine: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  say "needs root (debootstrap, mount and chroot): sudo make fresh-machine"
  exit 2
fi
case "$cache" in
  "$repo" | "$repo"/*) say "the cache ($cache) must be outside the repository"; exit 2 ;;
esac
if ! command -v debootstrap >/dev/null; then
  say "installing the host's debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

head=$(git -C "$repo" rev-parse HEAD)
if [ -n "$(git -C "$repo" status --porcelain)" ]; then
  say "uncommitted changes are not tested: the roots get commit ${head:0:12}"
fi

mkdir -p "$cache/apt-archives/partial" "$cache/pip"
logs=$cache/logs/$(date +%Y%m%d-%H%M%S)
mkdir -p "$logs"
work=$(mktemp -d /var/tmp/fresh-machine.XXXXXX)
root=
mounts=()

# Everything mounted under a root, in the order mounted; unmounted in reverse, also when a command fails or the
# script is interrupted. A root is deleted only when /proc/mounts shows nothing left under it: rm -rf through a
# still-mounted /dev would delete the host's device files.
mounted_under() {
  awk -v r="$1" '$2 == r || index($2, r "/") == 1 {print $2}' /proc/mounts
}
unmount_all() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -R "${mounts[i]}" 2>/dev/null || umount -l -R "${mounts[i]}" 2>/dev/null || true
  done
  mounts=()
}
remove_root() {
  local dir=$1 left m
  unmount_all
  # Anything else mounted there (debootstrap mounts proc and sys while it works), deepest first.
  for m in $(mounted_under "$dir" | sort -r); do
    umount -R "$m" 2>/dev/null || true
  done
  left=$(mounted_under "$dir")
  if [ -n "$left" ]; then
    say "NOT deleting $dir: still mounted there: $(echo "$left" | tr '\n' ' ')"
    return 1
  fi
  rm -rf --one-file-system "$dir"
}
child=
cleanup() {
  local status=$?
  if [ -n "$child" ]; then  # interrupted: stop the command (timeout passes the signal on) before unmounting
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [ -n "$root" ] && [ -d "$root" ]; then
    remove_root "$root" || status=2
  fi
  if [ -z "$(mounted_under "$work")" ]; then
    rm -rf --one-file-system "$work"
  else
    say "NOT deleting $work: something is still mounted under it"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_in() {  # mount_in TARGET ARGS...: mount and remember it
  local target=$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounts+=("$target")
}

enter() {  # the mounts a chroot needs (Chromium needs /dev/shm), the resolver and the CA bundle
  local dir=$1
  mount_in "$dir/proc" -t proc proc
  mount_in "$dir/dev" --rbind /dev
  mount --make-rslave "$dir/dev"
  mount_in "$dir/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev shm
  mount_in "$dir/sys" -t sysfs sysfs
  mount_in "$dir/var/cache/apt/archives" --bind "$cache/apt-archives"
  mount_in "$dir/root/.cache/pip" --bind "$cache/pip"
  cp -L /etc/resolv.conf "$dir/etc/resolv.conf"
  cp -L /etc/ssl/certs/ca-certificates.crt "$dir/etc/ssl/host-ca-bundle.crt"
}

# The Debian 12 root, made once and kept as a tarball (about 390 MB) in the cache.
if [ ! -f "$tarball" ]; then
  say "making a minimal Debian 12 root with debootstrap (a few minutes; kept as $tarball)"
  root=$work/bootstrap
  started=$SECONDS
  if ! debootstrap --variant=minbase --include=ca-certificates,git,make,python3 bookworm "$root" "$mirror" \
      > "$logs/debootstrap.log" 2>&1; then
    say "debootstrap failed: see $logs/debootstrap.log"
    exit 2
  fi
  if [ -n "$(mounted_under "$root")" ]; then
    say "debootstrap left mounts under $root; not packing it"
    exit 2
  fi
  tar -C "$root" --numeric-owner -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  remove_root "$root" || exit 2
  root=
  say "root made in $((SECONDS - started)) s"
fi

# The clean clone: the current commit only, with its history (the PDFs' version date reads git log).
git clone --quiet --no-checkout "$repo" "$work/clone"
git -C "$work/clone" -c advice.detachedHead=false checkout --quiet --detach "$head"

rows=()
failed=0
n=0
for command in "${commands[@]}"; do
  n=$((n + 1))
  root=$work/root-$n
  mkdir -p "$root"
  tar -C "$root" --numeric-owner -xpf "$tarball"
  enter "$root"
  mkdir -p "$root/work"
  cp -a "$work/clone" "$root/work/guide"
  log=$logs/$n-$(printf '%s' "$command" | tr -c 'A-Za-z0-9._-' '-' | cut -c1-40).log
  say "running '$command' in a fresh root ($log)"
  started=$SECONDS
  status=0
  ca=/etc/ssl/host-ca-bundle.crt
  env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI=true \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PIP_CERT=$ca SSL_CERT_FILE=$ca REQUESTS_CA_BUNDLE=$ca NODE_EXTRA_CA_CERTS=$ca \
    timeout 3600 chroot "$root" /bin/bash -c "cd /work/guide && $command" > "$log" 2>&1 &
  # In the background and waited for: bash runs the INT/TERM trap only after a foreground command ends, and
  # timeout puts the command in a process group of its own, out of reach of Ctrl-C.
  child=$!
  wait "$child" || status=$?
  child=
  seconds=$((SECONDS - started))
  ((status == 0)) || failed=1
  last=$(tail -n 1 "$log" 2>/dev/null | cut -c1-100 | tr '|' '/' || true)
  rows+=("| \`$command\` | $status | $seconds | $last |")
  remove_root "$root" || exit 2
  root=
done

table=${FRESH_MACHINE_TABLE:-$repo/fresh-machine-table.txt}
{
  echo "Fresh Debian 12 (debootstrap minbase + ca-certificates git make python3), commit ${head:0:12}, CI=true"
  echo
  echo "| command | exit | seconds | last line of output |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "logs: $logs"
} | tee "$table"
exit "$failed"
