// SPDX-License-Identifier: GPL-2.0
/*
 * kp_out.ko (tests/vm/t/34-output.sh): kp_trace_printf from the seed's C
 * macros into the module's trace instance, instances/kp_out/trace: one line
 * per call of kp_target_out_ints() (a write of N to kp_target's "out" file
 * calls it N times, with values derived from the call's number).
 */
#include "kprobe.h"

KPROBE_HANDLER_DEFINE3(kp_target_out_ints, s8, c, u8, uc, short, s)
{
	kp_trace_printf("c_out: c=%d uc=%u s=%d\n", c, uc, s);
	return 0;
}
