#!/usr/bin/env bash
# tests/build/seed-kbuild.sh ARCH SERIES TOOLCHAIN: the seed C macro API
# against a cached Debian kernel (host-tests/seed/kbuild-check.sh): every
# macro builds cleanly, a non-zero kretprobe offset is a build error.
set -euo pipefail
arch=${1:?arch} series=${2:?series} tc=${3:?toolchain}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# KDIR=... VMLINUZ=... of the cached kernel (downloaded if needed)
eval "$("$root/tools/kbench" fetch "$arch-$series-$tc")"
# (its probes are on kp_seed_f0..6, which the kernel does not have: no BTF
# check, which tests/build/btf-check.sh's seed case covers)
exec "$root/host-tests/seed/kbuild-check.sh" "$KDIR" TOOLCHAIN="$tc" KP_BTF_CHECK=0
