// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time proof that the arch/ mirrors of struct pt_regs match the
 * kernel this module is being built for.  A layout drift is a build error
 * here, never a wrong argument value at run time.
 */
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <asm/ptrace.h>

#include "../../arch/kp_arch.h"

#define KP_SAME_OFFSET(mirror, field)                                           \
	static_assert(offsetof(struct pt_regs, field) == offsetof(struct mirror, field), \
		      "arch/ mirror of struct pt_regs: offset of " #field " differs from the kernel's")
#define KP_SAME_SIZE(mirror, field)                                                     \
	static_assert(sizeof(((struct pt_regs *)0)->field) == sizeof(((struct mirror *)0)->field), \
		      "arch/ mirror of struct pt_regs: size of " #field " differs from the kernel's")
#define KP_CHECK(mirror, field) KP_SAME_OFFSET(mirror, field); KP_SAME_SIZE(mirror, field)

#if defined(CONFIG_X86_64)
KP_CHECK(kp_x86_64_regs, r15);
KP_CHECK(kp_x86_64_regs, r14);
KP_CHECK(kp_x86_64_regs, r13);
KP_CHECK(kp_x86_64_regs, r12);
KP_CHECK(kp_x86_64_regs, bp);
KP_CHECK(kp_x86_64_regs, bx);
KP_CHECK(kp_x86_64_regs, r11);
KP_CHECK(kp_x86_64_regs, r10);
KP_CHECK(kp_x86_64_regs, r9);
KP_CHECK(kp_x86_64_regs, r8);
KP_CHECK(kp_x86_64_regs, ax);
KP_CHECK(kp_x86_64_regs, cx);
KP_CHECK(kp_x86_64_regs, dx);
KP_CHECK(kp_x86_64_regs, si);
KP_CHECK(kp_x86_64_regs, di);
KP_CHECK(kp_x86_64_regs, orig_ax);
KP_CHECK(kp_x86_64_regs, ip);
KP_SAME_OFFSET(kp_x86_64_regs, cs); /* a union of u16 cs / u64 csx on 6.9+ */
KP_CHECK(kp_x86_64_regs, flags);
KP_CHECK(kp_x86_64_regs, sp);
KP_SAME_OFFSET(kp_x86_64_regs, ss);
static_assert(sizeof(struct pt_regs) == sizeof(struct kp_x86_64_regs),
	      "arch/ mirror of struct pt_regs: size differs from the kernel's");
#elif defined(CONFIG_ARM64)
KP_CHECK(kp_arm64_regs, regs);
KP_CHECK(kp_arm64_regs, sp);
KP_CHECK(kp_arm64_regs, pc);
KP_CHECK(kp_arm64_regs, pstate);
KP_CHECK(kp_arm64_regs, orig_x0);
KP_CHECK(kp_arm64_regs, syscallno);
static_assert(sizeof(struct pt_regs) >= sizeof(struct kp_arm64_regs),
	      "arch/ mirror of struct pt_regs: larger than the kernel's");
#else
#error "kprobe-template: no arch/ table for this architecture"
#endif
