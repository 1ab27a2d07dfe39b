#!/usr/bin/env bash
# `make test-matrix`: the project's own `make test` in clean Debian chroots, one per release in the matrix,
# as a newcomer on that release would run it. Built chroots are kept in a cache folder outside the checkout,
# so a warm run costs only the tests; the checkout is copied in afresh every time.
#
#   MATRIX_SUITES   releases to run (default: trixie sid)
#   MATRIX_TARGETS  make targets to run in each (default: test)
#   MATRIX_CACHE    where chroots are kept (default: /var/cache/cogport-matrix)
#   DEBIAN_MIRROR   the Debian mirror (default: http://deb.debian.org/debian)
set -euo pipefail
cd "$(dirname "$0")/.."

suites=${MATRIX_SUITES:-trixie sid}
targets=${MATRIX_TARGETS:-test}
cache=${MATRIX_CACHE:-/var/cache/cogport-matrix}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
checkout=$PWD

if [ "$(id -u)" -ne 0 ]; then
  echo "make test-matrix builds and enters chroots: run it as root (sudo make test-matrix)." >&2
  exit 2
fi
command -v mmdebstrap >/dev/null || {
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mmdebstrap
}
mkdir -p "$cache"

mounted=()
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  mounted=()
}
trap unmount_all EXIT

build_chroot() {  # a minimal release with git and make; the project installs the rest itself
  local suite=$1 root=$cache/$1
  [ -e "$root/.cogport-chroot" ] && return
  rm -rf "$root" "$root.partial"
  echo "== $suite: building the chroot in $root"
  # The snapshot mirror's sid Release file has expired; the option stays in the chroot's apt configuration.
  mmdebstrap --variant=apt --aptopt='Acquire::Check-Valid-Until "false"' \
    --include=git,make,ca-certificates,procps "$suite" "$root.partial" "$mirror"
  touch "$root.partial/.cogport-chroot"
  mv "$root.partial" "$root"
}

trust_host_network() {  # the registries sit behind the host's TLS-intercepting CA
  local root=$1
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  if compgen -G "/usr/local/share/ca-certificates/*" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/* "$root/usr/local/share/ca-certificates/"
    chroot "$root" update-ca-certificates >/dev/null
  fi
  [ -r /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
  return 0
}

mount_system() {
  local root=$1 dir
  for dir in proc sys dev dev/pts dev/shm; do
    mkdir -p "$root/$dir"
    mount --bind "/$dir" "$root/$dir"
    mounted+=("$root/$dir")
  done
}

copy_checkout() {  # tracked and new files as they are in the working tree, without build products
  local root=$1
  rm -rf "$root/work/cogport"
  mkdir -p "$root/work/cogport"
  git -C "$checkout" ls-files -z --cached --others --exclude-standard \
    | (cd "$checkout" && tar --null -T - --ignore-failed-read -cf - 2>/dev/null) \
    | tar -C "$root/work/cogport" -xf -
}

failed=()
for suite in $suites; do
  root=$cache/$suite
  start=$SECONDS
  build_chroot "$suite"
  trust_host_network "$root"
  mount_system "$root"
  copy_checkout "$root"
  echo "== $suite: make $targets"
  if chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
      bash -c "cd /work/cogport && make $targets"; then
    echo "== $suite: passed in $((SECONDS - start)) s"
  else
    echo "== $suite: FAILED after $((SECONDS - start)) s"
    failed+=("$suite")
  fi
  if [[ " $targets " == *" demo "* ]] && [ -r "$root/work/cogport/.build/demo/cogport-demo.png" ]; then
    mkdir -p .build/matrix
    cp "$root/work/cogport/.build/demo/cogport-demo.png" ".build/matrix/demo-$suite.png"
  fi
  unmount_all
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test-matrix: failed on ${failed[*]}" >&2
  exit 1
fi
echo "test-matrix: passed on $suites"
