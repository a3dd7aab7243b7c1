// SPDX-License-Identifier: GPL-2.0
// Defect 5: the seed accepted a non-zero kretprobe offset and failed at load.
// expect: a kretprobe attaches at function entry only: the offset must be 0
#include "common.h"

#ifdef KPT_CONTROL
#define OFFSET 0
#else
#define OFFSET 0x5
#endif

KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(some_function, OFFSET, long, slot, struct pt_regs *, regs)
{
	(void)slot;
	(void)regs;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(some_function, long, slot, int, retval)
{
	(void)slot;
	(void)retval;
	return 0;
}
