// SPDX-License-Identifier: GPL-2.0
/*
 * The seed's C macros (framework/kprobe.h) on the host, for hits_test.cpp:
 * their generated handlers bump the probe's hit counter (kp_hit.h), their
 * descriptors carry the state and are named "<kind>:<func>".
 */
#include "arch/kp_arch.h"
#include "kp_abi.h"

#define KP_HOST_TEST 1
static const struct kp_arch_table kpt_hits_table = KP_ARCH_TABLE_X86_64;
#define KP_C_TABLE (&kpt_hits_table)

/* The kernel's per-call kretprobe memory (data[] is a flexible array there). */
struct kretprobe_instance {
	unsigned long kernel_private[4];
	char data[64] __attribute__((aligned(8)));
};

#include "kprobe.h"

int kpt_hits_bodies; /* every body run, for the driver */

KPROBE_HANDLER_DEFINE1(kpt_hit_fn, int, x)
{
	(void)x;
	kpt_hits_bodies++;
	return 0;
}

KPROBE_HANDLER_DEFINE_OFFSET(kpt_hit_fn, 0x4, struct pt_regs *, regs)
{
	(void)regs;
	kpt_hits_bodies++;
	return 0;
}

KRETPROBE_ENTRY_HANDLER_DEFINE0(kpt_hit_fn, long, slot)
{
	(void)slot;
	kpt_hits_bodies++;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kpt_hit_fn, long, slot, int, retval)
{
	(void)slot;
	(void)retval;
	kpt_hits_bodies++;
	return 0;
}

TRACEPOINT_HANDLER_DEFINE(kpt_hit_tp, int value)
{
	(void)priv;
	(void)value;
	kpt_hits_bodies++;
}
