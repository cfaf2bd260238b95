#!/usr/bin/env bash
# Proves that a bare Debian 12 (bookworm) machine builds and tests Headroom with the README's commands.
# Makes a minimal Debian 12 root with debootstrap (cached as a pristine tarball; every run starts from a
# fresh copy of it, never from a root that already holds build dependencies), clones the project from git
# into it (committed files only: nothing from the host's build tree leaks in), and inside the chroot, as
# root with CI=true, runs scripts/test.sh (timed) and then scripts/run.sh without a display, which must
# print the demo replay's per-class table. Prints a summary (packages install-deps.sh installed, test.sh's
# wall time, CTest's summary line, whether run.sh printed the table) and exits non-zero on any failure.
#
# Slow (a full release build and every test suite; tens of minutes on a small machine) and not part of
# CI. Needs root (debootstrap, chroot, mounts) and network access to the Debian archive.
#
# Usage: sudo scripts/check-fresh-debian.sh [options] [REV]
#   REV               commit, branch or tag to check (default: HEAD of the repository)
#   --repo URL|DIR    git repository to clone (default: the repository this script lives in)
#   --work-dir DIR    where the pristine tarball, the root and the logs live
#                     (default: $HEADROOM_FRESH_DEBIAN_DIR or /var/tmp/fresh-debian)
#   --mirror URL      Debian mirror (default: $HEADROOM_FRESH_DEBIAN_MIRROR or http://deb.debian.org/debian)
#   --overlay PATH    after the clone, copy PATH (relative to the repository root) from the repository's
#                     working tree over the clone: to try an uncommitted fix (repeatable; DIR repos only)
#   --refresh         rebuild the pristine tarball with debootstrap even when it is cached
# Logs: WORK/logs/{debootstrap,test,curl_wire,run}.log; the root stays in WORK/root until the next run.
set -euo pipefail

script_dir=$(cd "$(dirname "$0")" && pwd)
suite=bookworm
variant=minbase
work=${HEADROOM_FRESH_DEBIAN_DIR:-/var/tmp/fresh-debian}
mirror=${HEADROOM_FRESH_DEBIAN_MIRROR:-http://deb.debian.org/debian}
repo=""
rev=""
refresh=0
overlays=()

usage() { sed -n '/^# Usage:/,/^# Logs:/p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "error: $*" >&2; exit 2; }
say() { echo "==> [$(date +%H:%M:%S)] $*"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo=${2:?--repo needs a value}; shift 2 ;;
    --work-dir) work=${2:?--work-dir needs a value}; shift 2 ;;
    --mirror) mirror=${2:?--mirror needs a value}; shift 2 ;;
    --overlay) overlays+=("${2:?--overlay needs a value}"); shift 2 ;;
    --refresh) refresh=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option $1" ;;
    *) [[ -z "$rev" ]] || die "only one REV"; rev=$1; shift ;;
  esac
done

[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap, chroot and bind mounts): run it with sudo"
[[ -n "$repo" ]] || repo=$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null) \
  || die "no --repo given and $script_dir is not in a git work tree"
[[ -n "$rev" ]] || rev=HEAD
if [[ ${#overlays[@]} -gt 0 && ! -d "$repo" ]]; then die "--overlay needs --repo to be a local work tree"; fi

# Host tools: debootstrap and git, installed with apt-get when missing.
ensure_host_package() {  # COMMAND PACKAGE
  command -v "$1" >/dev/null && return 0
  say "installing $2 on the host"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache policy "$2" 2>/dev/null | grep -q 'Candidate: [0-9]'; then apt-get update -qq; fi
  apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  command -v "$1" >/dev/null || die "$2 did not provide $1"
}
ensure_host_package debootstrap debootstrap
ensure_host_package git git

mkdir -p "$work"
work=$(cd "$work" && pwd -P)
root=$work/root
logs=$work/logs
arch=$(dpkg --print-architecture)
tarball=$work/pristine/debian-12-$suite-$variant-$arch.tar.gz
mkdir -p "$work/pristine" "$logs"

# One run at a time per work dir.
exec 9>"$work/.lock"
flock -n 9 || die "another check is running in $work"

# Mount points at or below $1, deepest first.
mounts_under() {
  local dir=$1
  awk -v dir="$dir" '{ t = $5; gsub(/\\040/, " ", t); if (t == dir || index(t, dir "/") == 1) print t }' \
    /proc/self/mountinfo | sort -r
}

# Ends the processes whose root is $1 (what this script started inside the chroot), then unmounts
# everything below $1 (children first). Returns non-zero when something stays mounted.
release_root() {
  local dir=$1 pid pids=() target
  [[ -d "$dir" ]] || return 0
  for pid in /proc/[0-9]*; do
    if [[ "$(readlink "$pid/root" 2>/dev/null)" == "$dir" ]]; then pids+=("${pid#/proc/}"); fi
  done
  if [[ ${#pids[@]} -gt 0 ]]; then
    kill -TERM "${pids[@]}" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "${pids[@]}" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
  fi
  while read -r target; do
    [[ -n "$target" ]] || continue
    umount "$target" 2>/dev/null || umount -l "$target" || true
  done < <(mounts_under "$dir")
  if [[ -n "$(mounts_under "$dir")" ]]; then
    echo "error: still mounted below $dir:" >&2
    mounts_under "$dir" >&2
    return 1
  fi
}

# Removes a directory only when nothing is mounted below it (and never crosses into another filesystem).
remove_tree() {
  local dir=$1
  [[ -e "$dir" ]] || return 0
  release_root "$dir" || die "refusing to remove $dir while something is mounted below it"
  rm -rf --one-file-system "$dir"
}

cleanup() {
  local rc=$?
  trap - EXIT
  release_root "$root" || rc=1
  release_root "$work/pristine/rootfs.tmp" || rc=1
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. The pristine root: debootstrap once, then reuse the tarball.
if [[ $refresh -eq 1 || ! -s "$tarball" ]]; then
  say "debootstrap --variant=$variant $suite from $mirror (log: $logs/debootstrap.log)"
  fresh=$work/pristine/rootfs.tmp
  remove_tree "$fresh"
  if ! debootstrap --variant="$variant" "$suite" "$fresh" "$mirror" >"$logs/debootstrap.log" 2>&1; then
    tail -n 30 "$logs/debootstrap.log" >&2
    die "debootstrap failed (log: $logs/debootstrap.log)"
  fi
  release_root "$fresh" || die "debootstrap left mounts below $fresh"
  # The sources a Debian 12 installation has: the release, its updates and security updates.
  cat >"$fresh/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
EOF
  rm -rf --one-file-system "$fresh"/var/cache/apt/archives/*.deb "$fresh"/var/lib/apt/lists/*
  tar -C "$fresh" --numeric-owner -cpzf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  remove_tree "$fresh"
else
  say "pristine root: $tarball (cached; --refresh rebuilds it)"
fi

# 2. A fresh root from the tarball.
say "fresh root in $root"
remove_tree "$root"
mkdir -p "$root"
tar -C "$root" --numeric-owner -xpzf "$tarball"

# 3. The project, cloned (committed files only) into /root/headroom.
src=/root/headroom
say "cloning $repo ($rev) into $src"
if [[ -d "$repo" ]]; then
  sha=$(git -C "$repo" rev-parse --verify "$rev^{commit}") || die "no commit $rev in $repo"
else
  sha=$rev
fi
git clone --quiet --no-local "$repo" "$root$src"
if ! git -C "$root$src" rev-parse --quiet --verify "$sha^{commit}" >/dev/null; then
  git -C "$root$src" fetch --quiet origin "$sha" || die "cannot fetch $sha from $repo"
fi
git -C "$root$src" -c advice.detachedHead=false checkout --quiet --detach "$sha"
sha=$(git -C "$root$src" rev-parse HEAD)
subject=$(git -C "$root$src" log -1 --format=%s HEAD)
for path in "${overlays[@]}"; do
  [[ -f "$repo/$path" ]] || die "--overlay $path: no such file in $repo"
  if cmp -s "$repo/$path" "$root$src/$path"; then state="same as the commit"; else state="uncommitted change"; fi
  say "overlay: $path from the work tree ($state)"
  mkdir -p "$(dirname "$root$src/$path")"
  cp -p "$repo/$path" "$root$src/$path"
done

# 4. Mounts, name resolution, no daemons started by package scripts.
say "mounting /proc, /sys, /dev, /dev/pts and a /dev/shm tmpfs"
mount -t proc proc "$root/proc"
mount --bind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
[[ -d "$root/dev/shm" ]] || die "no /dev/shm on the host's /dev"
mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
for target in proc sys dev dev/pts dev/shm; do mount --make-private "$root/$target"; done
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

# Runs a command in the chroot as root with a clean environment (no DISPLAY), CI=true.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM=dumb CI=true \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}
# shellcheck disable=SC2016  # ${Package} is dpkg-query's format, not a shell expansion
packages_in_root() { in_root dpkg-query -W -f='${Package}\n' | sort; }

failures=()
packages_in_root >"$logs/packages.before"

# 5. scripts/test.sh, timed.
say "scripts/test.sh in the chroot (log: $logs/test.log)"
test_rc=0
start=$SECONDS
in_root bash -c "cd $src && exec nice -n 10 scripts/test.sh" 2>&1 | tee "$logs/test.log" || test_rc=$?
test_s=$((SECONDS - start))
signalled() { [[ $1 -gt 128 ]] && echo " (killed by signal $(kill -l "$(($1 - 128))" 2>/dev/null || echo $(($1 - 128))))"; true; }
[[ $test_rc -eq 0 ]] || failures+=("scripts/test.sh exited with $test_rc$(signalled "$test_rc")")
packages_in_root >"$logs/packages.after"

# curl_wire is registered only when curl and python3 are found, and checks TLS only with openssl: make
# sure it exists and ran both halves.
curl_wire="not registered (curl or python3 missing at configure time)"
listed=""
if [[ -f "$root$src/build/release/CTestTestfile.cmake" ]]; then
  listed=$(in_root bash -c "cd $src && ctest --preset release -N -R '^curl_wire\$'" 2>&1 || true)
fi
if [[ "$listed" == *"Total Tests: 1"* ]]; then
  if in_root bash -c "cd $src && ctest --preset release -V -R '^curl_wire\$'" >"$logs/curl_wire.log" 2>&1 \
     && grep -q 'plain HTTP: ok' "$logs/curl_wire.log" && grep -q 'TLS: ok' "$logs/curl_wire.log"; then
    curl_wire="ran, plain HTTP and TLS ok"
  else
    curl_wire="did not pass both plain HTTP and TLS (log: $logs/curl_wire.log)"
    failures+=("curl_wire: $curl_wire")
  fi
else
  failures+=("curl_wire: $curl_wire")
fi

# 6. scripts/run.sh without a display: the demo replay's per-class table.
say "scripts/run.sh in the chroot, no DISPLAY (log: $logs/run.log)"
run_rc=0
in_root bash -c "cd $src && exec nice -n 10 scripts/run.sh" >"$logs/run.out" 2>"$logs/run.err" || run_rc=$?
cat "$logs/run.err" "$logs/run.out" >"$logs/run.log"
cat "$logs/run.out"
[[ $run_rc -eq 0 ]] || failures+=("scripts/run.sh exited with $run_rc$(signalled "$run_rc")")
# The demo's class names, from the checked-out scenario.
demo=$root$src/resources/scenarios/demo.json
classes=()
if [[ -x "$root/usr/bin/python3" ]]; then
  mapfile -t classes < <(in_root python3 -c \
    'import json, sys; print("\n".join(c["name"] for c in json.load(open(sys.argv[1]))["classes"]))' \
    "$src/resources/scenarios/demo.json")
elif command -v python3 >/dev/null; then
  mapfile -t classes < <(python3 -c \
    'import json, sys; print("\n".join(c["name"] for c in json.load(open(sys.argv[1]))["classes"]))' "$demo")
fi
table_ok=1
table_lines=()
header=$(grep -E '^class +arrived +done +relegated +attain +queue ' "$logs/run.out" || true)
[[ -n "$header" ]] || table_ok=0
[[ ${#classes[@]} -gt 0 ]] || table_ok=0
for class in "${classes[@]}"; do
  line=$(grep -E "^$class +[0-9]+ +[0-9]+ +[0-9]+ +([0-9.]+%|-) " "$logs/run.out" || true)
  if [[ -n "$line" ]]; then table_lines+=("$line"); else table_ok=0; fi
done
grep -q 'No display' "$logs/run.err" || table_ok=0
[[ $table_ok -eq 1 ]] || failures+=("scripts/run.sh did not print the demo's per-class table (log: $logs/run.log)")

# 7. Summary.
named=$(sed -n 's/^Installing missing packages: //p' "$logs/test.log" | head -n 1)
total=$(comm -13 "$logs/packages.before" "$logs/packages.after" | wc -l)
ctest_line=$(grep -E '^[0-9]+% tests passed' "$logs/test.log" | tail -n 1 || true)
failed_tests=$(sed -n '/^The following tests FAILED:/,/^Errors while running CTest/p' "$logs/test.log" || true)
cuda="off (no nvcc in the root)"
[[ -x "$root/usr/local/cuda/bin/nvcc" || -x "$root/usr/bin/nvcc" ]] && cuda="nvcc present"

echo
echo "=== Fresh Debian 12 check: $sha ($subject)"
[[ ${#overlays[@]} -eq 0 ]] || echo "overlaid from the work tree: ${overlays[*]}"
echo "root:              $root (from $tarball)"
echo "install-deps.sh:   ${named:-nothing installed} ($total packages in all, with dependencies)"
echo "test.sh:           exit $test_rc, wall time $((test_s / 60))m$((test_s % 60))s"
echo "ctest:             ${ctest_line:-no summary line (see $logs/test.log)}"
[[ -z "$failed_tests" ]] || printf '%s\n' "$failed_tests"
echo "curl_wire:         $curl_wire"
echo "CUDA:              $cuda"
if [[ $table_ok -eq 1 ]]; then
  echo "run.sh:            exit $run_rc, printed the demo's per-class table:"
  printf '  %s\n' "$header" "${table_lines[@]}"
else
  echo "run.sh:            exit $run_rc, no per-class table for the demo classes (${classes[*]}) (see $logs/run.log)"
fi
if [[ ${#failures[@]} -gt 0 ]]; then
  echo "FAILED:"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
echo "PASSED"
