#!/usr/bin/env bash
# Installs the Debian packages Cogport's tests, demo and benchmarks need. Idempotent and quick when done.
set -euo pipefail
packages=(python3-qgis qgis-providers qgis gdal-bin python3-gdal python3-venv python3-requests
          python3-pyqt6 pyqt6-dev-tools qttools5-dev-tools fonts-open-sans xvfb xauth swift swift-proxy swift-account
          swift-container swift-object python3-keystone python3-keystonemiddleware python3-distributed curl openssl
          tinyproxy)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -q
  # A policy-rc.d that answers 101 keeps the packaged Swift services from starting on 0.0.0.0 during the
  # install: the tests run their own servers on loopback. An existing policy is left as it was.
  policy=/usr/sbin/policy-rc.d
  own_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && own_policy=yes
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" || status=$?
  [ -n "$own_policy" ] && $sudo rm -f "$policy"
  [ -z "${status:-}" ] || exit "$status"
fi
# Swift reads /etc/swift/swift.conf from a fixed path; Debian may leave only swift.conf.dpkg-new.
if [ ! -r /etc/swift/swift.conf ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo mkdir -p /etc/swift
  printf '[swift-hash]\nswift_hash_path_suffix = cogport\nswift_hash_path_prefix = cogport\n\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' \
    | $sudo tee /etc/swift/swift.conf >/dev/null
fi
