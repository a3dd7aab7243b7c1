/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic register accessor, in the spirit of libbpf's bpf_tracing.h:
 * every architecture is one table (arch/<arch>/kp_arch_<arch>.h) of byte
 * offsets into its pt_regs mirror, and everything else reads registers
 * through this header.  Plain C so that C probes (framework/kprobe.h), the
 * C++ DSL and the host tests share one source of truth.
 */
#ifndef KP_ARCH_H
#define KP_ARCH_H

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

/* The architecture this translation unit is compiled for. */
#if defined(__x86_64__)
#define KP_NATIVE_ARCH_TABLE KP_ARCH_TABLE_X86_64
#define KP_NATIVE_SYSCALL_PREFIX KP_X86_64_SYSCALL_PREFIX
typedef struct kp_x86_64_regs kp_native_regs;
#elif defined(__aarch64__)
#define KP_NATIVE_ARCH_TABLE KP_ARCH_TABLE_ARM64
#define KP_NATIVE_SYSCALL_PREFIX KP_ARM64_SYSCALL_PREFIX
typedef struct kp_arm64_regs kp_native_regs;
#else
#error "kprobe-template: unsupported architecture (add arch/<arch>/kp_arch_<arch>.h)"
#endif

/* One register, by its byte offset in the pt_regs mirror. */
static inline unsigned long kp_reg(const void *regs, unsigned int off)
{
	return *(const unsigned long *)((const char *)regs + off);
}

/* Where the n-th stack-passed argument (0-based) lives at function entry. */
static inline unsigned long kp_stack_arg_addr(const struct kp_arch_table *t,
					      const void *regs, unsigned int n)
{
	return kp_reg(regs, t->sp) + t->stack_arg0 + n * t->stack_slot;
}

#endif
