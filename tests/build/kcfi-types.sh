#!/usr/bin/env bash
# tests/build/kcfi-types.sh [CLANG]: proves that the thunks the C++ DSL
# generates have the kCFI type hashes of the kernel's C function types, so a
# kernel built with CONFIG_CFI_CLANG accepts the indirect calls into them.
# Compiles a C file with address-taken functions of the kernel's handler
# types and a C++ probe file, both with -fsanitize=kcfi, and compares the
# hash each function's __cfi_ preamble carries (mov $HASH, %eax).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
clang=${1:-clang-19}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/kernel.c" <<'C'
/* The kernel's types, as include/linux/kprobes.h and tracepoints declare them. */
struct kprobe;
struct kretprobe_instance;
struct pt_regs;
struct kernel_siginfo;
struct task_struct;
int c_pre(struct kprobe *p, struct pt_regs *r) { return 0; }
int c_kret(struct kretprobe_instance *ri, struct pt_regs *r) { return 0; }
void c_tp(void *data, int sig, struct kernel_siginfo *info, struct task_struct *task, int group,
	  int result) {}
void *const c_addrs[] = { (void *)c_pre, (void *)c_kret, (void *)c_tp };
C

cat >"$tmp/probes.cpp" <<'CPP'
#include "kp.hpp"
static void on_kprobe(int, const char *) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, const char *>>, on_kprobe);
static bool on_entry(long &, int) { return true; }
static void on_return(long &, int) {}
KP_PROBE(kp::Kretprobe<"g", kp::Args<int>, kp::Returns<int>, kp::Data<long>>, on_entry, on_return);
static void on_signal(int, kernel_siginfo *, task_struct *, int, int) {}
KP_PROBE(kp::Tracepoint<"signal_generate", kp::Args<int, kernel_siginfo *, task_struct *, int, int>>,
	 on_signal);
CPP

flags=(--target=x86_64-linux-gnu -O2 -fsanitize=kcfi -ffreestanding -c)
"$clang" "${flags[@]}" -o "$tmp/kernel.o" "$tmp/kernel.c"
"${clang/clang/clang++}" "${flags[@]}" -std=gnu++20 -fno-exceptions -fno-rtti -nostdinc++ \
	-DKP_KRI_DATA_OFFSET=48 -DKP_FEXIT_FPROBE=0 -DKP_SYSCALL_WRAPPER=1 -I"$root/framework" -o "$tmp/probes.o" "$tmp/probes.cpp"

# hash of the __cfi_ preamble of the function whose name matches $2 in object $1
hash_of() {
	objdump -d --no-show-raw-insn "$1" |
		awk -v re="$2" '/^[0-9a-f]+ <__cfi_/ { take = ($0 ~ re) } take && !done && /mov +\$0x/ { print $NF; done = 1 }' |
		sed 's/^\$//; s/,.*//'
}
fail=0
check() { # what c-function c++-function-regex
	local c cpp
	c=$(hash_of "$tmp/kernel.o" "<__cfi_$2>")
	cpp=$(hash_of "$tmp/probes.o" "$3")
	if [[ -n $c && $c == "$cpp" ]]; then
		echo "ok: $1: $c"
	else
		echo "FAIL: $1: kernel type hash '$c', C++ thunk hash '$cpp'"
		fail=1
	fi
}
check "kprobe pre_handler" c_pre 'kprobe_thunk.*3pre'
check "kretprobe entry_handler" c_kret 'kretprobe_thunk.*5entry'
check "kretprobe handler" c_kret 'kretprobe_thunk.*3ret'
check "tracepoint probe" c_tp 'tracepoint_thunk.*5probe'
exit $fail
