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
 * A probe's hit (framework/kp_hit.h): this_cpu_inc_return() of a per-CPU
 * counter, inline, and whether this hit is the sampled one of every 256 on
 * this CPU.  The per-CPU base is tpidr_el1, or tpidr_el2 on a VHE kernel
 * (running at EL2): the kernel's __my_cpu_offset() chooses with an
 * alternative, and so does this, with the same .altinstructions entry
 * (struct alt_instr: orig, alt, cpucap, orig_len, alt_len; its layout is
 * asserted in framework/core/kp_layout.c), which the module loader patches
 * (apply_alternatives_module).  The cpucap's number, which differs between
 * kernels, is KP_ARM64_CAP_VHE: ARM64_HAS_VIRT_HOST_EXTN of the target
 * kernel (the C++ side: generated/kp_offsets.h; C: the kernel's cpucaps,
 * below).
 * The increment is an LL/SC loop (the build passes -mno-outline-atomics),
 * atomic against interrupts on this CPU; handlers run with preemption
 * disabled, so the CPU does not change between the two.  Without the cap
 * number (host tests) framework/kp_hit.h calls the core's
 * this_cpu_inc_return().  framework/kp_map.h still reads per-CPU pointers
 * with the core's this_cpu_read().
 */
/* C handlers include the kernel's headers: the cap is theirs */
#if defined(ARM64_HAS_VIRT_HOST_EXTN) && !defined(KP_ARM64_CAP_VHE)
#define KP_ARM64_CAP_VHE ARM64_HAS_VIRT_HOST_EXTN
#endif
#if defined(__KERNEL__) && defined(__aarch64__) && defined(KP_ARM64_CAP_VHE)
static inline __attribute__((always_inline)) unsigned long kp_arm64_percpu_offset(void)
{
	unsigned long off;

	__asm__("661:\n\tmrs %0, tpidr_el1\n662:\n"
		".pushsection .altinstructions, \"a\"\n"
		"\t.word 661b - .\n\t.word 663f - .\n\t.hword %c1\n"
		"\t.byte 662b - 661b\n\t.byte 664f - 663f\n"
		".popsection\n"
		".subsection 1\n663:\n\tmrs %0, tpidr_el2\n664:\n"
		"\t.org . - (664b - 663b) + (662b - 661b)\n"
		"\t.org . - (662b - 661b) + (664b - 663b)\n"
		".previous\n"
		: "=r"(off)
		: "i"(KP_ARM64_CAP_VHE));
	return off;
}
#define KP_NATIVE_HAS_PERCPU_INC 1
static inline __attribute__((always_inline)) int kp_native_percpu_inc_sampled(unsigned long *pcp)
{
	unsigned long *p = (unsigned long *)((unsigned long)pcp + kp_arm64_percpu_offset());

	return (__atomic_add_fetch(p, 1, __ATOMIC_RELAXED) & 0xff) == 0;
}
/* The same LL/SC add of any value (the sampled hit's time, framework/kp_hit.h). */
static inline __attribute__((always_inline)) void kp_native_percpu_add(unsigned long *pcp,
								      unsigned long v)
{
	unsigned long *p = (unsigned long *)((unsigned long)pcp + kp_arm64_percpu_offset());

	__atomic_add_fetch(p, v, __ATOMIC_RELAXED);
}
#endif
/*
 * The clock of the sampled hits (overload protection, framework/kp_hit.h):
 * the generic timer's virtual counter, CNTFRQ_EL0 ticks a second, read
 * inline (the isb keeps the read after what came before, as the kernel's
 * __arch_counter_get_cntvct() does), so that the sampled path calls
 * nothing and the thunk stays a leaf: no frame, no return-address signing
 * on every hit.  Its unit, ticks, is the arm64 core's too
 * (framework/core/kp_overload.c converts them to ns).
 */
#if defined(__KERNEL__)
#define KP_NATIVE_HAS_SAMPLE_CLOCK 1
static inline __attribute__((always_inline)) unsigned long kp_native_sample_clock(void)
{
	unsigned long t;

	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(t) : : "memory");
	return t;
}
/* its ticks a second, CNTFRQ_EL0 */
static inline __attribute__((always_inline)) unsigned long kp_native_sample_hz(void)
{
	unsigned long f;

	__asm__("mrs %0, cntfrq_el0" : "=r"(f));
	return f;
}
/* at most 1 ms a sample (KP_SAMPLE_MAX_NS) */
static inline __attribute__((always_inline)) unsigned long kp_native_sample_max(void)
{
	return kp_native_sample_hz() / 1000;
}
#endif
#endif

#endif
