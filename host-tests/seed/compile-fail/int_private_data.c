// SPDX-License-Identifier: GPL-2.0
// Private data: a pointer to the per-call data, or long (the slot's address);
// an int cannot hold the address the seed's (type)ri->data passes.
// expect: the private data type `int` must be a pointer to the per-call data
#include "common.h"

#ifdef KPT_CONTROL
#define DATA long
#else
#define DATA int
#endif

KRETPROBE_ENTRY_HANDLER_DEFINE0(some_function, DATA, slot)
{
	(void)slot;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(some_function, DATA, slot, int, retval)
{
	(void)slot;
	(void)retval;
	return 0;
}
