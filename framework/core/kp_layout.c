// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time proof that the arch/ mirrors of struct pt_regs match the
 * kernel this module is being built for.  A layout drift is a build error
 * here, never a wrong argument value at run time.
 */
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/kprobes.h>
#include <asm/ptrace.h>

#include "../../arch/kp_arch.h"
#include "../kp_abi.h"

static_assert(KP_KRETPROBE_MAX_DATA_SIZE == KRETPROBE_MAX_DATA_SIZE,
	      "kp_abi.h: KP_KRETPROBE_MAX_DATA_SIZE differs from the kernel's KRETPROBE_MAX_DATA_SIZE");

/* The fields each arch header lists in KP_<ARCH>_LAYOUT (its KP_NATIVE_LAYOUT). */
#define KP_SAME_OFFSET(field)                                                           \
	static_assert(offsetof(struct pt_regs, field) == offsetof(kp_native_regs, field),  \
		      "arch/ mirror of struct pt_regs: offset of " #field " differs from the kernel's");
#define KP_SAME_SIZE(field)                                                             \
	static_assert(sizeof(((struct pt_regs *)0)->field) ==                               \
			      sizeof(((kp_native_regs *)0)->field),                         \
		      "arch/ mirror of struct pt_regs: size of " #field " differs from the kernel's");
#define KP_FIELD(field) KP_SAME_OFFSET(field) KP_SAME_SIZE(field)
#define KP_UNION_FIELD(field) KP_SAME_OFFSET(field)

KP_NATIVE_LAYOUT(KP_FIELD, KP_UNION_FIELD)

#if KP_NATIVE_MIRRORS_WHOLE_STRUCT
static_assert(sizeof(struct pt_regs) == sizeof(kp_native_regs),
	      "arch/ mirror of struct pt_regs: size differs from the kernel's");
#else
static_assert(sizeof(struct pt_regs) >= sizeof(kp_native_regs),
	      "arch/ mirror of struct pt_regs: larger than the kernel's");
#endif
