#!/usr/bin/env bash
# tests/build/btf-check.sh CASE ARCH TOOLCHAIN: the build-time check of the
# probes' declared types against the target kernel's BTF (Kbuild, tools/kp-btf
# check), on the cached Debian 6.12 kernel of ARCH.  Each CASE is one probe
# file that must fail `make` with exactly its one-line message, next to a
# correct probe file that the same build checks (its "BTF" line: the positive
# control).
#   do_mmap  6.1's 8-parameter do_mmap declaration: "8 arguments declared, 9
#            in the kernel"; the same file builds for the 6.1 kernel (its BTF
#            extracted from the boot image: bench/extract-btf)
#   width    an int where the kernel has loff_t
#   pointer  an unsigned long where the kernel has struct file *
#   field    a misspelt field in kp::read_field (framework/kp/fields.hpp):
#            "struct path has no field dentryy", from the FIELDS step
#   seed     the seed's C macros (framework/kprobe.h): an int where the
#            kernel has loff_t in a KPROBE_HANDLER_DEFINE4, next to a correct
#            C file (a kretprobe with its return type, a tracepoint) that the
#            same build checks
set -euo pipefail
case=${1:?case (do_mmap|width|pointer|field|seed)} arch=${2:?arch} tc=${3:?toolchain}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
karch=x86
[[ $arch == arm64 ]] && karch=arm64
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
src=$scratch/src
"$root/tools/kp-copy-tree" "$src"
mkdir -p "$src/btfp"

# the positive control: vfs_fsync_range as the kernel declares it
cat >"$src/btfp/a_ok.cpp" <<'CPP'
#include "kp.hpp"
static void on_fsync(file *, kp::loff_t, kp::loff_t, int) {}
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<file *, kp::loff_t, kp::loff_t, int>>, on_fsync);
CPP
case $case in
do_mmap)
	cat >"$src/btfp/b_bad.cpp" <<'CPP'
#include "kp.hpp"
struct list_head;
static void on_mmap(file *, unsigned long, unsigned long, unsigned long, unsigned long,
		    unsigned long, unsigned long *, list_head *) {}
using mmap_61 = kp::Kprobe<"do_mmap", kp::Args<file *, unsigned long, unsigned long, unsigned long, unsigned long, unsigned long, unsigned long *, list_head *>>;
KP_PROBE(mmap_61, on_mmap);
CPP
	expect='btfp/b_bad.cpp:6: error: kp::Kprobe<"do_mmap">: 8 arguments declared, 9 in the kernel: long unsigned int do_mmap(struct file *file, long unsigned int addr, long unsigned int len, long unsigned int prot, long unsigned int flags, vm_flags_t vm_flags, long unsigned int pgoff, long unsigned int *populate, struct list_head *uf)'
	;;
width)
	cat >"$src/btfp/b_bad.cpp" <<'CPP'
#include "kp.hpp"
static void on_fsync(file *, int, kp::loff_t, int) {}
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<file *, int, kp::loff_t, int>>, on_fsync);
CPP
	expect='btfp/b_bad.cpp:3: error: kp::Kprobe<"vfs_fsync_range">: argument 2 is declared int (4 bytes, signed), the kernel has loff_t start (8 bytes, signed)'
	;;
pointer)
	cat >"$src/btfp/b_bad.cpp" <<'CPP'
#include "kp.hpp"
static void on_fsync(unsigned long, kp::loff_t, kp::loff_t, int) {}
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<unsigned long, kp::loff_t, kp::loff_t, int>>, on_fsync);
CPP
	expect='btfp/b_bad.cpp:3: error: kp::Kprobe<"vfs_fsync_range">: argument 1 is declared unsigned long (8 bytes, unsigned), the kernel has struct file *file (a pointer to struct file)'
	;;
seed)
	rm "$src/btfp/a_ok.cpp" # the positive control is C here
	cat >"$src/btfp/a_ok_c.c" <<'C'
#include <linux/fs.h>
#include "kprobe.h"
KRETPROBE_ENTRY_HANDLER_DEFINE4(vfs_fsync_range, long *, slot, struct file *, file, loff_t, start,
				loff_t, end, int, datasync) { return 0; }
KRETPROBE_RET_HANDLER_DEFINE(vfs_fsync_range, long *, slot, int, ret) { return 0; }
TRACEPOINT_HANDLER_DEFINE(signal_generate, int sig, struct kernel_siginfo *info,
			  struct task_struct *task, int group, int result) { }
C
	cat >"$src/btfp/b_bad.c" <<'C'
#include <linux/fs.h>
#include "kprobe.h"
KPROBE_HANDLER_DEFINE4(vfs_fsync_range, struct file *, file, int, start, loff_t, end, int, datasync)
{
	return 0;
}
C
	expect='btfp/b_bad.c:3: error: KPROBE_HANDLER_DEFINE4(vfs_fsync_range): argument 2 is declared int (4 bytes, signed), the kernel has loff_t start (8 bytes, signed)'
	;;
field)
	cat >"$src/btfp/b_bad.cpp" <<'CPP'
#include "kp.hpp"
struct dentry;
static void on_fsync(file *f, kp::loff_t, kp::loff_t, int)
{
	const dentry *d;
	if (kp::read_field<"f_path.dentryy">(d, f))
		kp_printk("%p\n", (const void *)d);
}
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<file *, kp::loff_t, kp::loff_t, int>>, on_fsync);
CPP
	expect='btfp/b_bad.o: error: kp::read_field<"f_path.dentryy"> on struct file: struct path has no field dentryy'
	;;
*) echo "FAIL: unknown case $case"; exit 1 ;;
esac

build() { # KDIR [make args]: make's status; the log in $scratch/build.log
	local kdir=$1
	shift
	make -C "$src" -j2 KDIR="$kdir" ARCH="$karch" TOOLCHAIN="$tc" KP_PROBE_DIRS=btfp "$@" \
		>"$scratch/build.log" 2>&1
}

eval "$("$root/tools/kbench" fetch "$arch-6.12-$tc")"
[[ -f $KDIR/vmlinux ]] || { echo "FAIL: $KDIR has no vmlinux"; exit 1; }
if build "$KDIR"; then
	echo "FAIL: the $case declaration built for $arch-6.12"
	exit 1
fi
ok=a_ok.o
[[ $case == seed ]] && ok=a_ok_c.o
grep -q "BTF     $src/btfp/$ok" "$scratch/build.log" ||
	{ echo "FAIL: the correct probe file was not checked:"; cat "$scratch/build.log"; exit 1; }
mapfile -t found < <(grep -E '^btfp/[a-z_]+\.(cpp:[0-9]+|c:[0-9]+|o): (error|warning):' "$scratch/build.log")
if ((${#found[@]} != 1)) || [[ ${found[0]} != "$expect" ]]; then
	echo "FAIL: expected exactly"
	echo "  $expect"
	echo "got:"
	printf '  %s\n' "${found[@]}"
	grep -m 10 -E 'error' "$scratch/build.log"
	exit 1
fi
echo "PASS: $arch-6.12 $tc: $expect"

# the opt-out: the same tree builds with KP_BTF_CHECK=0 (a field that does
# not exist stays an error: its offset cannot be made up)
if [[ $case != field ]]; then
	build "$KDIR" KP_BTF_CHECK=0 || { echo "FAIL: KP_BTF_CHECK=0 did not build"; tail -20 "$scratch/build.log"; exit 1; }
	echo "PASS: KP_BTF_CHECK=0 builds it"
fi

if [[ $case == do_mmap ]]; then
	# the 6.1 declaration is right for 6.1
	eval "$("$root/tools/kbench" fetch "$arch-6.1-$tc")"
	blob=$scratch/btf-6.1
	"$root/bench/extract-btf" "$VMLINUZ" "$blob"
	build "$KDIR" KP_BTF="$blob" ||
		{ echo "FAIL: 6.1's do_mmap declaration did not build for 6.1:"; grep -m 10 error "$scratch/build.log"; exit 1; }
	grep -q "BTF     $src/btfp/b_bad.o" "$scratch/build.log" || { echo "FAIL: 6.1 build did not check"; exit 1; }
	echo "PASS: the same declaration builds, checked, for $arch-6.1"
fi
