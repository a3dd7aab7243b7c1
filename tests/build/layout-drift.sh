#!/usr/bin/env bash
# tests/build/layout-drift.sh ARCH SERIES: proves that an arch/ mirror of
# struct pt_regs that drifts from the target kernel's layout is a build
# error, not a wrong value at run time.  Builds a copy of the tree whose
# mirror has two fields swapped against the cached Debian kernel (fetched by
# tools/kbench) and expects kp_layout.c to fail with its message.
set -euo pipefail
arch=${1:?arch (amd64|arm64)} series=${2:?series (6.1|6.12)}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# KDIR=... VMLINUZ=... of the cached kernel (downloaded if needed)
eval "$("$root/tools/kbench" fetch "$arch-$series-llvm")"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tmp=$scratch/src
"$root/tools/kp-copy-tree" "$tmp"
if [[ $arch == amd64 ]]; then
	karch=x86 field=r15
	sed -i 's/unsigned long r15, r14,/unsigned long r14, r15,/' "$tmp/arch/x86_64/kp_arch_x86_64.h"
else
	karch=arm64 field=sp
	sed -i 's/^\tunsigned long regs\[31\];$/\tunsigned long regs[31];\n\tunsigned long drift;/' "$tmp/arch/arm64/kp_arch_arm64.h"
fi
diff -rq "$tmp/arch" "$root/arch" >/dev/null && { echo "FAIL: the mirror was not changed"; exit 1; }
if make -C "$tmp" KDIR="$KDIR" ARCH="$karch" TOOLCHAIN=llvm KP_PROBE_DIRS=examples >"$tmp/build.log" 2>&1; then
	echo "FAIL: a drifted pt_regs mirror built"
	exit 1
fi
if grep -q "arch/ mirror of struct pt_regs: offset of $field differs from the kernel's" "$tmp/build.log"; then
	echo "PASS: layout drift of $field is a build error on $arch-$series"
else
	echo "FAIL: the build failed for another reason:"
	grep -m 10 -E 'error' "$tmp/build.log"
	exit 1
fi
