// SPDX-License-Identifier: GPL-2.0
// The return handler's private data type must be the entry handler's.
// expect: the private data type differs from the one of KRETPROBE_ENTRY_HANDLER_DEFINE
#include "common.h"

struct call {
	int a;
};

KRETPROBE_ENTRY_HANDLER_DEFINE1(some_function, struct call *, c, int, a)
{
	c->a = a;
	return 0;
}

#ifdef KPT_CONTROL
KRETPROBE_RET_HANDLER_DEFINE(some_function, struct call *, c, int, retval)
#else
KRETPROBE_RET_HANDLER_DEFINE(some_function, long, c, int, retval)
#endif
{
	(void)c;
	(void)retval;
	return 0;
}
