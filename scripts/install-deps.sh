#!/usr/bin/env bash
# Installs the Debian packages seedc builds and tests with, only those missing.
set -euo pipefail
packages=(libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libpq-dev libcrypt-dev sqlite3 postgresql python3-venv)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
