#!/usr/bin/env bash
# Installs the Debian packages Headroom builds with, when any is missing. Idempotent and quiet when all
# are present. Needs root (or sudo) only when something has to be installed.
set -euo pipefail

# Every package a configure (find_package, pkg_check_modules) and a test (find_program, scripts) needs on
# a bare Debian 12; installed without Recommends, so a Recommends that the build needs is named here
# (libqt6opengl6-dev: Qt6Charts' CMake package requires Qt6OpenGL), and so is a library a -dev package's
# pkg-config file links without depending on its -dev package (zlib1g-dev: CoinUtils' coinutils.pc,
# which cbc.pc requires, has -lz).
packages=(
  cmake g++ make pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n
  xvfb xauth
  nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libsqlite3-dev
  libeigen3-dev  # the learned tier router's network (engine/learn)
  libbenchmark-dev
  coinor-libcbc-dev zlib1g-dev
  libboost-dev libssl-dev
  nodejs  # tests/k8s-schema: offline schema validation of deploy's manifests (npm packages pinned there)
  libngtcp2-dev libngtcp2-crypto-gnutls-dev libgnutls28-dev  # QUIC (Debian's OpenSSL has no QUIC API)
  iproute2  # netbench --link netns: ip netns, ip link
  curl python3 openssl ca-certificates
  prometheus  # promtool: the serve and route tests lint /metrics with `promtool check metrics`
  libyaml-cpp-dev  # serve/fleet emits YAML (alert rules; deploy's manifests) with yaml-cpp
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# Debian's nodejs comes without npm; NodeSource's carries its own (and conflicts with Debian's npm).
command -v npm >/dev/null || missing+=(npm)

# The npm packages of tests/k8s-schema, as its package-lock.json pins them, when not installed yet.
# They come from the npm registry; a machine that cannot reach it still builds and tests everything
# else, and tests/cli/tst_deploy then skips its offline schema check, saying why.
install_schema_packages() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/k8s-schema"
  if [[ ! -f "$dir/node_modules/.package-lock.json" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
      echo "warning: npm ci in tests/k8s-schema failed (is the npm registry reachable?); the Kubernetes schema check of tst_deploy will be skipped" >&2
    fi
  fi
}

if [[ ${#missing[@]} -eq 0 ]]; then
  install_schema_packages
  exit 0
fi

echo "Installing missing packages: ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_schema_packages
