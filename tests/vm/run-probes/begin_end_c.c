// SPDX-License-Identifier: GPL-2.0
/*
 * kp_run.ko (tests/vm/t/35-begin-end.sh): begin, end and interval probes
 * with the C macros (framework/kprobe.h); linked after begin_end.cpp, so
 * c_begin runs after on_begin and c_end after on_end.
 */
#include <linux/printk.h>

#include "kprobe.h"

KPROBE_HANDLER_DEFINE1(kp_target_out_ints, s8, c)
{
	return 0;
}

KP_BEGIN(c_begin)
{
	kp_printk("begin: c\n");
}

KP_END(c_end)
{
	kp_printk("end: c\n");
}

/* every 250 ms: "c_tick: n=N" */
static unsigned long c_ticks;

KP_INTERVAL(c_tick, 250)
{
	kp_trace_printf("c_tick: n=%lu\n", ++c_ticks);
}
