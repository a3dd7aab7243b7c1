/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic register accessor, in the spirit of libbpf's bpf_tracing.h:
 * every architecture is one header (arch/<arch>/kp_arch_<arch>.h: its
 * pt_regs mirror, a table of byte offsets into it, the fields the build
 * asserts against the kernel) included below, and everything else reads
 * registers through this header.  Adding an architecture: that header, an
 * #include here, and a host test file.  Plain C so that C probes (framework/kprobe.h), the
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

/*
 * The architecture this translation unit is compiled for: the arch header
 * whose compiler macro matches defines KP_NATIVE_ARCH_TABLE, kp_native_regs,
 * KP_NATIVE_SYSCALL_PREFIX and KP_NATIVE_LAYOUT.  Host builds for another
 * architecture (the host tests) use the tables by name and have no native.
 */
#if !defined(KP_NATIVE_ARCH_TABLE) && defined(__KERNEL__)
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
