// SPDX-License-Identifier: GPL-2.0
// Structs returned by value are not in the return register.
// expect: the return type: `struct pair` cannot be decoded from a register
#include "common.h"

struct pair {
	long a, b;
};

KRETPROBE_ENTRY_HANDLER_DEFINE0(some_function, long, slot)
{
	(void)slot;
	return 0;
}

#ifdef KPT_CONTROL
KRETPROBE_RET_HANDLER_DEFINE(some_function, long, slot, struct pair *, retval)
#else
KRETPROBE_RET_HANDLER_DEFINE(some_function, long, slot, struct pair, retval)
#endif
{
	(void)slot;
	(void)retval;
	return 0;
}
