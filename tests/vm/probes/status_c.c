// SPDX-License-Identifier: GPL-2.0
/*
 * Status and control of the seed's C macros (tests/vm/t/60-status.sh): a
 * kprobe and a kretprobe on kp_target_value(), named by the core
 * "kprobe:kp_target_value" and "kretprobe:kp_target_value", counting hits
 * in their generated handlers.
 */
#include "kprobe.h"

KPROBE_HANDLER_DEFINE1(kp_target_value, long, v)
{
	return 0;
}

KRETPROBE_ENTRY_HANDLER_DEFINE0(kp_target_value, long, slot)
{
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_target_value, long, slot, long, ret)
{
	return 0;
}
