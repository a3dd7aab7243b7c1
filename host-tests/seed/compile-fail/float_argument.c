// SPDX-License-Identifier: GPL-2.0
// Floating-point arguments live in registers kprobes do not save.
// expect: KPROBE_HANDLER_DEFINE2\(some_function\): `double` cannot be decoded from a register
#include "common.h"

#ifdef KPT_CONTROL
#define T long
#else
#define T double
#endif

KPROBE_HANDLER_DEFINE2(some_function, int, a, T, b)
{
	(void)a;
	(void)b;
	return 0;
}
