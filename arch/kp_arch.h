/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The register accessor layer, in the spirit of libbpf's bpf_tracing.h:
 * every architecture is one header (arch/<arch>/kp_arch_<arch>.h: its
 * pt_regs mirror, a table of byte offsets into it, the fields the build
 * asserts against the kernel) included below, and every register read of
 * the framework is one of the kp_regs_* accessors at the end of this file:
 * argument (register or stack), argument register, syscall argument, return
 * value, ip, sp.  Adding an architecture: that header, an #include here,
 * and a host test file.  Plain C, so that C probes (framework/kprobe.h), the
 * C++ DSL and the host tests share one source of truth.
 */
#ifndef KP_ARCH_H
#define KP_ARCH_H

#include "../framework/kp_abi.h" /* kp_read_kernel, the fault-tolerant copy */
#include "x86_64/kp_arch_x86_64.h"
#include "arm64/kp_arch_arm64.h"

#define KP_MAX_ARG_REGS 8
#define KP_MAX_SYSCALL_ARGS 6

struct kp_arch_table {
	const char *name;
	unsigned int nr_arg_regs;
	unsigned short arg_regs[KP_MAX_ARG_REGS];
	unsigned int nr_syscall_args;
	unsigned short syscall_arg_regs[KP_MAX_SYSCALL_ARGS];
	unsigned short ret, ip, sp;
	/* Byte offset from sp (at function entry) of the first stack argument. */
	unsigned short stack_arg0;
	unsigned short stack_slot;
};

/*
 * The architecture this translation unit is compiled for: the arch header
 * whose compiler macro matches defines KP_NATIVE_ARCH_TABLE, kp_native_regs,
 * KP_NATIVE_SYSCALL_PREFIX and KP_NATIVE_LAYOUT.  Host builds for another
 * architecture (the host tests) use the tables by name and have no native.
 */
#if !defined(KP_NATIVE_ARCH_TABLE) && defined(__KERNEL__)
#error "kprobe-template: unsupported architecture (add arch/<arch>/kp_arch_<arch>.h)"
#endif

/*
 * The register accessors: every register read of the framework, for the C
 * macro API (framework/kp_decode.h, framework/kprobe.h) and the C++ DSL
 * (framework/kp/decode.hpp) alike.  t is an arch table, regs that arch's
 * saved registers (struct pt_regs, mirrored by the arch header).
 *
 * Always inlined: with a constant table and index (every C++ thunk, every C
 * macro) the table lookups and the register/stack choice fold away at
 * compile time, and what remains is the load a handwritten handler would do.
 */
#define KP_REGS_ACCESSOR static inline __attribute__((always_inline, unused))

/* One register, by its byte offset in the pt_regs mirror (the accessors' own primitive). */
KP_REGS_ACCESSOR unsigned long kp_reg(const void *regs, unsigned int off)
{
	return *(const unsigned long *)((const char *)regs + off);
}

/* The instruction pointer and the stack pointer. */
KP_REGS_ACCESSOR unsigned long kp_regs_ip(const struct kp_arch_table *t, const void *regs)
{
	return kp_reg(regs, t->ip);
}

KP_REGS_ACCESSOR unsigned long kp_regs_sp(const struct kp_arch_table *t, const void *regs)
{
	return kp_reg(regs, t->sp);
}

/* The return-value register, at function return. */
KP_REGS_ACCESSOR unsigned long kp_regs_ret(const struct kp_arch_table *t, const void *regs)
{
	return kp_reg(regs, t->ret);
}

/*
 * Argument register i (0-based), raw; 0 when the arch has fewer argument
 * registers.  At an offset inside a function it holds the argument only
 * until the function overwrites it.
 */
KP_REGS_ACCESSOR unsigned long kp_regs_arg_reg(const struct kp_arch_table *t, const void *regs,
					       unsigned int i)
{
	return i < t->nr_arg_regs && i < KP_MAX_ARG_REGS ? kp_reg(regs, t->arg_regs[i]) : 0;
}

/*
 * The n-th stack-passed argument (0-based) at function entry: the 64-bit
 * slot at sp + stack_arg0 + n * stack_slot, copied without faulting
 * (kp_read_kernel); 0 if the copy faults.
 */
KP_REGS_ACCESSOR unsigned long kp_regs_stack_arg(const struct kp_arch_table *t, const void *regs,
						 unsigned int n)
{
	unsigned long w = 0;
	unsigned long addr = kp_regs_sp(t, regs) + t->stack_arg0 + n * t->stack_slot;

	if (kp_read_kernel(&w, (const void *)addr, sizeof(w)))
		w = 0;
	return w;
}

/*
 * The 64-bit word that carries argument i (0-based) at the first
 * instruction of a function: an argument register, or beyond them a stack
 * slot (kp_regs_stack_arg).
 */
KP_REGS_ACCESSOR unsigned long kp_regs_arg(const struct kp_arch_table *t, const void *regs,
					   unsigned int i)
{
	if (i < t->nr_arg_regs)
		return kp_regs_arg_reg(t, regs, i);
	return kp_regs_stack_arg(t, regs, i - t->nr_arg_regs);
}

/*
 * System call argument i (0-based) from the user's registers, the pt_regs
 * the syscall entry saved (behind the first argument of a syscall wrapper);
 * 0 beyond the arch's syscall arguments.
 */
KP_REGS_ACCESSOR unsigned long kp_regs_syscall_arg(const struct kp_arch_table *t,
						   const void *user_regs, unsigned int i)
{
	return i < t->nr_syscall_args && i < KP_MAX_SYSCALL_ARGS ?
		       kp_reg(user_regs, t->syscall_arg_regs[i]) : 0;
}

#endif
