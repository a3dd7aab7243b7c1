// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel structure offsets the C++ side needs as compile-time constants,
 * extracted like the kernel's own asm-offsets: compiled to assembly only,
 * the "->NAME value" markers become include/generated/kp_offsets.h.
 */
#include <linux/kbuild.h>
#include <linux/kprobes.h>

void kp_offsets(void);
void kp_offsets(void)
{
	DEFINE(KP_KRI_DATA_OFFSET, offsetof(struct kretprobe_instance, data));
}
