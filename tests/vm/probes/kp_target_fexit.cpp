// SPDX-License-Identifier: GPL-2.0
// Return probes on the kernel's cheapest mechanism (tests/vm/t/42-fexit.sh):
// kp::Fexit on the kp_target functions kp_target.cpp's kretprobes probe,
// with the same handlers (kp::Data filled at entry, long and pointer
// returns), an entry handler that skips the return of even values, a
// MaxActive<1> one on hrtimer_nanosleep and an optional one on a missing
// symbol.  An fprobe on amd64 6.12, a kretprobe on the other kernels.
#include "kp.hpp"

using FexitMany = kp::Args<long, int, short, kp::s8, unsigned int, bool, kp::u16, int, bool,
			   kp::s8, long>;

struct fexit_call {
	long a1;
	long a11;
};

static bool fexit_many_entry(fexit_call &c, long a1, int, short, kp::s8, unsigned int, bool,
			     kp::u16, int, bool, kp::s8, long a11)
{
	c.a1 = a1;
	c.a11 = a11;
	return true;
}

static void fexit_many_return(fexit_call &c, long ret)
{
	kp_printk("fexit_many: a1=%ld a11=%ld ret=%ld\n", c.a1, c.a11, ret);
}
KP_PROBE(kp::Fexit<"kp_target_many", FexitMany, kp::Returns<long>, kp::Data<fexit_call>,
		   kp::Name<"fexit_many">>,
	 fexit_many_entry, fexit_many_return);

static void on_fexit_errptr(const void *ret)
{
	const long v = (long)ret;
	const bool err = v < 0 && v >= -4095;

	kp_printk("fexit_errptr: %s %ld\n", err ? "err" : "ptr", err ? v : 0);
}
KP_PROBE(kp::Fexit<"kp_target_errptr", kp::Returns<const void *>>, on_fexit_errptr);

// Counted (status hits): only odd values reach the return handler.
static bool fexit_value_entry(long v) { return v & 1; }
static void fexit_value_return(long) {}
KP_PROBE(kp::Fexit<"kp_target_value", kp::Args<long>, kp::Returns<long>, kp::Name<"fexit_value">>,
	 fexit_value_entry, fexit_value_return);

// One call followed at a time: a second sleeper is missed.
static void on_fexit_sleep(long) {}
KP_PROBE(kp::Fexit<"hrtimer_nanosleep", kp::Returns<long>, kp::MaxActive<1>, kp::Name<"fexit_sleep">>,
	 on_fexit_sleep);

static void never_ret(long) {}
KP_PROBE(kp::Fexit<"kp_no_such_function_fexit", kp::Returns<long>, kp::Optional,
		   kp::Name<"fexit_missing">>,
	 never_ret);
