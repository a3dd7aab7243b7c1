// SPDX-License-Identifier: GPL-2.0
// The return macro needs the entry macro of the same function before it.
// expect: kp_c_kretprobe_data_type_of_some_function
#include "common.h"

#ifdef KPT_CONTROL
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
