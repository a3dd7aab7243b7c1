/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86_64 calling-convention table.
 *
 * Plain C, shared by the C++ DSL, the C macro API (framework/kprobe.h) and
 * the host tests.  The struct mirrors the kernel's struct pt_regs
 * (arch/x86/include/asm/ptrace.h); framework/core/kp_layout.c asserts every
 * offset against the real struct of each kernel the module is built for.
 */
#ifndef KP_ARCH_X86_64_H
#define KP_ARCH_X86_64_H

struct kp_x86_64_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax, ip, cs, flags, sp, ss;
};

#define KP_X86_64_OFF(field) __builtin_offsetof(struct kp_x86_64_regs, field)

/* SysV AMD64: integer/pointer arguments 1..6. */
#define KP_X86_64_NR_ARG_REGS 6
#define KP_X86_64_ARG_REGS                                                     \
	{ KP_X86_64_OFF(di), KP_X86_64_OFF(si), KP_X86_64_OFF(dx),             \
	  KP_X86_64_OFF(cx), KP_X86_64_OFF(r8), KP_X86_64_OFF(r9) }

/* Syscall ABI: the 4th argument is in r10 (rcx is clobbered by syscall). */
#define KP_X86_64_NR_SYSCALL_ARGS 6
#define KP_X86_64_SYSCALL_ARG_REGS                                             \
	{ KP_X86_64_OFF(di), KP_X86_64_OFF(si), KP_X86_64_OFF(dx),             \
	  KP_X86_64_OFF(r10), KP_X86_64_OFF(r8), KP_X86_64_OFF(r9) }

#define KP_X86_64_RET_REG KP_X86_64_OFF(ax)
#define KP_X86_64_IP_REG KP_X86_64_OFF(ip)
#define KP_X86_64_SP_REG KP_X86_64_OFF(sp)

/*
 * At the first instruction of a function, sp points at the return address;
 * the 7th argument is the next 8-byte slot, each further one 8 bytes up.
 */
#define KP_X86_64_STACK_ARG0 8
#define KP_X86_64_STACK_SLOT 8

/* With CONFIG_ARCH_HAS_SYSCALL_WRAPPER, __x64_sys_NAME(const struct pt_regs *). */
#define KP_X86_64_SYSCALL_PREFIX "__x64_sys_"

/* The table behind the generic accessor in arch/kp_arch.h. */
#define KP_ARCH_TABLE_X86_64 {                                                   \
	.name = "x86_64",                                                      \
	.nr_arg_regs = KP_X86_64_NR_ARG_REGS,                                   \
	.arg_regs = KP_X86_64_ARG_REGS,                                         \
	.nr_syscall_args = KP_X86_64_NR_SYSCALL_ARGS,                           \
	.syscall_arg_regs = KP_X86_64_SYSCALL_ARG_REGS,                         \
	.ret = KP_X86_64_RET_REG,                                               \
	.ip = KP_X86_64_IP_REG,                                                 \
	.sp = KP_X86_64_SP_REG,                                                 \
	.stack_arg0 = KP_X86_64_STACK_ARG0,                                     \
	.stack_slot = KP_X86_64_STACK_SLOT,                                     \
}

/*
 * What framework/core/kp_layout.c asserts against the kernel's struct
 * pt_regs: FIELD(f) offset and size, UNION_FIELD(f) offset only (cs and ss
 * are unions of u16 and u64 since 6.9).  The mirror is the whole struct.
 */
#define KP_X86_64_LAYOUT(FIELD, UNION_FIELD)                                   \
	FIELD(r15) FIELD(r14) FIELD(r13) FIELD(r12) FIELD(bp) FIELD(bx)        \
	FIELD(r11) FIELD(r10) FIELD(r9) FIELD(r8) FIELD(ax) FIELD(cx)          \
	FIELD(dx) FIELD(si) FIELD(di) FIELD(orig_ax) FIELD(ip)                 \
	UNION_FIELD(cs) FIELD(flags) FIELD(sp) UNION_FIELD(ss)
#define KP_X86_64_MIRRORS_WHOLE_STRUCT 1

#if defined(__x86_64__)
#define KP_NATIVE_ARCH_TABLE KP_ARCH_TABLE_X86_64
/*
 * The ftrace register view: with DYNAMIC_FTRACE_WITH_ARGS (Debian amd64 6.1
 * and 6.12) struct ftrace_regs (6.12: struct __arch_ftrace_regs) is a
 * struct pt_regs of which ftrace_caller fills the argument registers, ax,
 * ip and the sp at function entry: the pt_regs table reads only those
 * (asserted in framework/core/kp_layout.c).
 */
#define KP_NATIVE_FTRACE_TABLE KP_ARCH_TABLE_X86_64
typedef struct kp_x86_64_regs kp_native_ftrace_regs;
#define KP_NATIVE_FTRACE_PT_REGS 1
#define KP_NATIVE_SYSCALL_PREFIX KP_X86_64_SYSCALL_PREFIX
#define KP_NATIVE_LAYOUT KP_X86_64_LAYOUT
#define KP_NATIVE_MIRRORS_WHOLE_STRUCT KP_X86_64_MIRRORS_WHOLE_STRUCT
typedef struct kp_x86_64_regs kp_native_regs;
/*
 * A probe's hit: this_cpu_inc() of a per-CPU counter (framework/kp_hit.h),
 * and whether this hit is the sampled one of every 256 on this CPU.
 * x86_64 per-CPU pointers are %gs-relative on 6.1 and 6.12.  The counter's
 * low byte is incremented, and only its carry (once in 256 hits) adds 1 to
 * the other seven bytes: the common path is the one instruction the
 * kernel's percpu_unary_op emits plus a branch not taken.  Each
 * instruction is atomic against interrupts on this CPU, so nested hits
 * count right; a reader on another CPU may see a count 256 short while the
 * carry is in flight.
 */
#define KP_NATIVE_HAS_PERCPU_INC 1
static inline __attribute__((always_inline)) int kp_native_percpu_inc_sampled(unsigned long *pcp)
{
	int carry;

	__asm__ __volatile__("addb $1, %%gs:%0" : "+m"(*(unsigned char *)pcp), "=@ccc"(carry));
	if (__builtin_expect(carry, 0))
		__asm__ __volatile__("addq $0x100, %%gs:%0" : "+m"(*pcp));
	return carry;
}
/* The same %gs-relative add of any value (the sampled hit's time, framework/kp_hit.h). */
static inline __attribute__((always_inline)) void kp_native_percpu_add(unsigned long *pcp,
								      unsigned long v)
{
	__asm__ __volatile__("addq %1, %%gs:%0" : "+m"(*pcp) : "er"(v));
}
/*
 * The clock of the sampled hits (overload protection, framework/kp_hit.h):
 * the time stamp counter, read inline (lfence first, as the kernel's
 * rdtsc_ordered() on the CPUs it runs on), so that the sampled path calls
 * nothing and the thunk saves no registers on every hit to keep values
 * across calls.  Only differences on one CPU are used (handlers run with
 * preemption disabled), so an unsynchronised TSC does not matter.  Its
 * rate is the kernel's tsc_khz, which the core copies at load
 * (kp_x86_64_tsc_per_ms, framework/core/kp_overload.c): the C++ side
 * includes no kernel header.  Its unit, TSC ticks, is the x86_64 core's
 * too (framework/core/kp_overload.c converts them to ns).
 */
#if defined(__KERNEL__)
#define KP_NATIVE_HAS_SAMPLE_CLOCK 1
#ifdef __cplusplus
extern "C" {
#endif
extern unsigned long kp_x86_64_tsc_per_ms;
#ifdef __cplusplus
}
#endif
static inline __attribute__((always_inline)) unsigned long kp_native_sample_clock(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("lfence\n\trdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (unsigned long)hi << 32 | lo;
}
/* its ticks a second */
static inline __attribute__((always_inline)) unsigned long kp_native_sample_hz(void)
{
	return kp_x86_64_tsc_per_ms * 1000;
}
/* at most 1 ms a sample (KP_SAMPLE_MAX_NS) */
static inline __attribute__((always_inline)) unsigned long kp_native_sample_max(void)
{
	return kp_x86_64_tsc_per_ms;
}
#endif
/*
 * The maps' hot path (framework/kp_map.h): this_cpu_read() of a per-CPU
 * pointer, and the kernel's local_t operations on the current CPU's own
 * memory: one instruction each, without a lock prefix (nothing but this
 * CPU writes the table; an interrupt or NMI cannot split an instruction).
 */
#define KP_NATIVE_HAS_LOCAL_OPS 1
static inline __attribute__((always_inline)) void *kp_native_percpu_read_ptr(void *const *pcp)
{
	void *v;

	__asm__ __volatile__("movq %%gs:%1, %0" : "=r"(v) : "m"(*pcp));
	return v;
}
static inline __attribute__((always_inline)) unsigned long long
kp_native_local_cmpxchg(unsigned long long *p, unsigned long long old, unsigned long long val)
{
	__asm__ __volatile__("cmpxchgq %2, %1" : "+a"(old), "+m"(*p) : "r"(val) : "memory");
	return old;
}
static inline __attribute__((always_inline)) void kp_native_local_add(unsigned long long *p,
								      unsigned long long v)
{
	__asm__ __volatile__("addq %1, %0" : "+m"(*p) : "er"(v));
}
#endif

#endif
