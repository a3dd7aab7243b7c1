// SPDX-License-Identifier: GPL-2.0
// Entry probes on ftrace (tests/vm/t/38-fentry.sh): kp::Fentry on the same
// kp_target functions as kp_target.cpp's kprobes, with the same argument
// lists (11 arguments: registers and stack), a named one for status and
// control, and an optional one on a missing symbol.  Sorted after
// kp_target.cpp, whose first probe is the one that fails the load without
// kp_target.ko (t/90-unload.sh).
#include "kp.hpp"

using FentryMany = kp::Args<long, int, short, kp::s8, unsigned int, bool, kp::u16, int, bool,
			    kp::s8, long>;

static void on_fentry_many(long a1, int a2, short a3, kp::s8 a4, unsigned int a5, bool a6,
			   kp::u16 a7, int a8, bool a9, kp::s8 a10, long a11)
{
	kp_printk("fentry_many: %ld %d %d %d %u %d %u %d %d %d %ld\n", a1, a2, a3, a4, a5, a6, a7,
		  a8, a9, a10, a11);
}
KP_PROBE(kp::Fentry<"kp_target_many", FentryMany, kp::Name<"fentry_many">>, on_fentry_many);

static void on_fentry_errptr(int e) { kp_printk("fentry_errptr: %d\n", e); }
KP_PROBE(kp::Fentry<"kp_target_errptr", kp::Args<int>>, on_fentry_errptr);

// Counted: the status file's hits (kp_target's repeat file calls it N times).
static void on_fentry_value(long) {}
KP_PROBE(kp::Fentry<"kp_target_value", kp::Args<long>, kp::Name<"fentry_value">>, on_fentry_value);

static void never(int) {}
KP_PROBE(kp::Fentry<"kp_no_such_function_fentry", kp::Args<int>, kp::Optional,
		    kp::Name<"fentry_missing">>,
	 never);
