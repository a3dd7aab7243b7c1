/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 calling-convention table (AAPCS64).
 *
 * Plain C, shared by the C++ DSL, the C macro API and the host tests.  The
 * struct mirrors the head of the kernel's struct pt_regs
 * (arch/arm64/include/asm/ptrace.h) up to syscallno; the fields after it
 * (sdei_ttbr1, pmr, stackframe, ...) differ between kernel versions and are
 * never read.  framework/core/kp_layout.c asserts every mirrored offset.
 */
#ifndef KP_ARCH_ARM64_H
#define KP_ARCH_ARM64_H

struct kp_arm64_regs {
	unsigned long regs[31];
	unsigned long sp;
	unsigned long pc;
	unsigned long pstate;
	unsigned long orig_x0;
	int syscallno;
};

#define KP_ARM64_OFF(field) __builtin_offsetof(struct kp_arm64_regs, field)

/* AAPCS64: integer/pointer arguments 1..8 in x0..x7. */
#define KP_ARM64_NR_ARG_REGS 8
#define KP_ARM64_ARG_REGS                                                      \
	{ KP_ARM64_OFF(regs[0]), KP_ARM64_OFF(regs[1]), KP_ARM64_OFF(regs[2]), \
	  KP_ARM64_OFF(regs[3]), KP_ARM64_OFF(regs[4]), KP_ARM64_OFF(regs[5]), \
	  KP_ARM64_OFF(regs[6]), KP_ARM64_OFF(regs[7]) }

/*
 * Syscall ABI: x0..x5, but x0 is overwritten with the return value when the
 * syscall returns; the entry code saved the first argument in orig_x0.
 */
#define KP_ARM64_NR_SYSCALL_ARGS 6
#define KP_ARM64_SYSCALL_ARG_REGS                                              \
	{ KP_ARM64_OFF(orig_x0), KP_ARM64_OFF(regs[1]), KP_ARM64_OFF(regs[2]), \
	  KP_ARM64_OFF(regs[3]), KP_ARM64_OFF(regs[4]), KP_ARM64_OFF(regs[5]) }

#define KP_ARM64_RET_REG KP_ARM64_OFF(regs[0])
#define KP_ARM64_IP_REG KP_ARM64_OFF(pc)
#define KP_ARM64_SP_REG KP_ARM64_OFF(sp)

/*
 * At function entry sp points at the 9th argument (no return address on the
 * stack: it is in x30); each stack argument takes an 8-byte slot, value in
 * the low-addressed bytes (little endian).
 */
#define KP_ARM64_STACK_ARG0 0
#define KP_ARM64_STACK_SLOT 8

#define KP_ARM64_SYSCALL_PREFIX "__arm64_sys_"

/* The table behind the generic accessor in arch/kp_arch.h. */
#define KP_ARCH_TABLE_ARM64 {                                                   \
	.name = "arm64",                                                      \
	.nr_arg_regs = KP_ARM64_NR_ARG_REGS,                                   \
	.arg_regs = KP_ARM64_ARG_REGS,                                         \
	.nr_syscall_args = KP_ARM64_NR_SYSCALL_ARGS,                           \
	.syscall_arg_regs = KP_ARM64_SYSCALL_ARG_REGS,                         \
	.ret = KP_ARM64_RET_REG,                                               \
	.ip = KP_ARM64_IP_REG,                                                 \
	.sp = KP_ARM64_SP_REG,                                                 \
	.stack_arg0 = KP_ARM64_STACK_ARG0,                                     \
	.stack_slot = KP_ARM64_STACK_SLOT,                                     \
}

/*
 * What framework/core/kp_layout.c asserts against the kernel's struct
 * pt_regs (FIELD(f): offset and size).  The mirror is only the head of the
 * struct: the kernel's is at least as large.
 */
#define KP_ARM64_LAYOUT(FIELD, UNION_FIELD)                                    \
	FIELD(regs) FIELD(sp) FIELD(pc) FIELD(pstate) FIELD(orig_x0) FIELD(syscallno)
#define KP_ARM64_MIRRORS_WHOLE_STRUCT 0

/*
 * The ftrace register view with DYNAMIC_FTRACE_WITH_ARGS (Debian arm64
 * 6.12): struct __arch_ftrace_regs (arch/arm64/include/asm/ftrace.h), x0..x8,
 * fp, lr, the sp at function entry and the pc; no return value, no syscall
 * registers.  Without WITH_ARGS (arm64 6.1: WITH_REGS only) the core asks
 * for FTRACE_OPS_FL_SAVE_REGS and the view is the pt_regs above.
 */
struct kp_arm64_fregs {
	unsigned long regs[9];
	unsigned long direct_tramp;
	unsigned long fp;
	unsigned long lr;
	unsigned long sp;
	unsigned long pc;
};
#define KP_ARM64_FOFF(field) __builtin_offsetof(struct kp_arm64_fregs, field)
#define KP_ARCH_FTRACE_TABLE_ARM64 {                                            \
	.name = "arm64-ftrace",                                                \
	.nr_arg_regs = KP_ARM64_NR_ARG_REGS,                                   \
	.arg_regs = { KP_ARM64_FOFF(regs[0]), KP_ARM64_FOFF(regs[1]),          \
		      KP_ARM64_FOFF(regs[2]), KP_ARM64_FOFF(regs[3]),          \
		      KP_ARM64_FOFF(regs[4]), KP_ARM64_FOFF(regs[5]),          \
		      KP_ARM64_FOFF(regs[6]), KP_ARM64_FOFF(regs[7]) },        \
	.nr_syscall_args = 0, /* entry probes read function arguments only */ \
	.syscall_arg_regs = { 0 },                                             \
	.ret = KP_ARM64_FOFF(regs[0]),                                         \
	.ip = KP_ARM64_FOFF(pc),                                               \
	.sp = KP_ARM64_FOFF(sp),                                               \
	.stack_arg0 = KP_ARM64_STACK_ARG0,                                     \
	.stack_slot = KP_ARM64_STACK_SLOT,                                     \
}
/* What framework/core/kp_layout.c asserts against struct __arch_ftrace_regs (the whole struct). */
#define KP_ARM64_FTRACE_LAYOUT(FIELD) FIELD(regs) FIELD(fp) FIELD(lr) FIELD(sp) FIELD(pc)

#if defined(__aarch64__)
#if defined(KP_FTRACE_WITH_ARGS) && !KP_FTRACE_WITH_ARGS
#define KP_NATIVE_FTRACE_TABLE KP_ARCH_TABLE_ARM64
typedef struct kp_arm64_regs kp_native_ftrace_regs;
#define KP_NATIVE_FTRACE_PT_REGS 1
#else
#define KP_NATIVE_FTRACE_TABLE KP_ARCH_FTRACE_TABLE_ARM64
typedef struct kp_arm64_fregs kp_native_ftrace_regs;
#define KP_NATIVE_FTRACE_LAYOUT KP_ARM64_FTRACE_LAYOUT
#endif
#define KP_NATIVE_ARCH_TABLE KP_ARCH_TABLE_ARM64
#define KP_NATIVE_SYSCALL_PREFIX KP_ARM64_SYSCALL_PREFIX
#define KP_NATIVE_LAYOUT KP_ARM64_LAYOUT
#define KP_NATIVE_MIRRORS_WHOLE_STRUCT KP_ARM64_MIRRORS_WHOLE_STRUCT
typedef struct kp_arm64_regs kp_native_regs;
/*
 * No inline per-CPU increment (no KP_NATIVE_HAS_PERCPU_INC): the per-CPU
 * base is tpidr_el1 or tpidr_el2 (VHE), chosen by alternatives patching,
 * so framework/kp_hit.h calls the core's this_cpu_inc() instead, and
 * framework/kp_map.h the core's this_cpu_read() and compiler atomics
 * (inline LL/SC or LSE: the build passes -mno-outline-atomics).
 */
#endif

#endif
