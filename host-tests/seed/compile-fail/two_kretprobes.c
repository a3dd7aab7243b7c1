// SPDX-License-Identifier: GPL-2.0
// One kretprobe per function and file: the return handler is named after func.
// expect: kp_c_one_kretprobe_per_function_and_file_some_function
#include "common.h"

KRETPROBE_ENTRY_HANDLER_DEFINE1(some_function, long, slot, int, a)
{
	(void)slot;
	(void)a;
	return 0;
}

#ifndef KPT_CONTROL
KRETPROBE_ENTRY_HANDLER_DEFINE0(some_function, long, slot)
{
	(void)slot;
	return 0;
}
#endif

KRETPROBE_RET_HANDLER_DEFINE(some_function, long, slot, int, retval)
{
	(void)slot;
	(void)retval;
	return 0;
}
