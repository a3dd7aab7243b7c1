// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel structure offsets the C++ side needs as compile-time constants,
 * extracted like the kernel's own asm-offsets: compiled to assembly only,
 * the "->NAME value" markers become include/generated/kp_offsets.h.
 */
#include <linux/kbuild.h>
#include <linux/kprobes.h>

#include "kp_core.h"
#ifdef CONFIG_ARM64
#include <asm/cpucaps.h>
#endif

void kp_offsets(void);
void kp_offsets(void)
{
	DEFINE(KP_KRI_DATA_OFFSET, offsetof(struct kretprobe_instance, data));
	/* kp::Fexit: on an fprobe (1) or a kretprobe (0): the thunks the C++ side builds */
	DEFINE(KP_FEXIT_FPROBE, KP_FEXIT_ON_FPROBE);
#ifdef CONFIG_ARM64
	/* the cpucap of a VHE kernel, whose per-CPU base is tpidr_el2 (arch/arm64) */
	DEFINE(KP_ARM64_CAP_VHE, ARM64_HAS_VIRT_HOST_EXTN);
#endif
}
