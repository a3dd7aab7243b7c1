// SPDX-License-Identifier: GPL-2.0
// Test bench probes on kp_target.ko (tests/vm/target): every argument
// category at every position, registers and stack, on the real ABI.
#include "kp.hpp"

using Many = kp::Args<long, int, short, kp::s8, unsigned int, bool, kp::u16, int, bool, kp::s8,
		      long>;

static void on_many(long a1, int a2, short a3, kp::s8 a4, unsigned int a5, bool a6, kp::u16 a7,
		    int a8, bool a9, kp::s8 a10, long a11)
{
	kp_printk("many: %ld %d %d %d %u %d %u %d %d %d %ld\n", a1, a2, a3, a4, a5, a6, a7, a8, a9,
		  a10, a11);
}
KP_PROBE(kp::Kprobe<"kp_target_many", Many>, on_many);

// A kretprobe on the same function in the same file.
struct many_call {
	long a1;
	long a11;
};

static bool many_entry(many_call &c, long a1, int, short, kp::s8, unsigned int, bool, kp::u16,
		       int, bool, kp::s8, long a11)
{
	c.a1 = a1;
	c.a11 = a11;
	return true;
}

static void many_return(many_call &c, long ret)
{
	kp_printk("many_ret: a1=%ld a11=%ld ret=%ld\n", c.a1, c.a11, ret);
}
KP_PROBE(kp::Kretprobe<"kp_target_many", Many, kp::Returns<long>, kp::Data<many_call>>, many_entry,
	 many_return);

// The offset form: the raw register view at the function's first instruction.
static void on_many_regs(const kp::Regs &regs)
{
	kp_printk("many_regs: arg0=%ld arg1=%d\n", (long)regs.arg_reg(0), (int)regs.arg_reg(1));
}
KP_PROBE(kp::Kprobe<"kp_target_many", kp::Offset<0>>, on_many_regs);

// A pointer return value: valid, or ERR_PTR(-errno).
static void on_errptr(const void *ret)
{
	long v = (long)ret;

	const bool err = v < 0 && v >= -4095;

	kp_printk("errptr_ret: %s %ld\n", err ? "err" : "ptr", err ? v : 0);
}
KP_PROBE(kp::Kretprobe<"kp_target_errptr", kp::Args<int>, kp::Returns<const void *>>, on_errptr);

// A tracepoint of a loadable module (kp_target.ko), found by name at load.
static void on_hit(int value, const char *what)
{
	// "repeat" fires it thousands of times (hit counts, stress): no line for those
	if (kp::starts_with(what, "many"))
		kp_printk("kp_target_hit: value=%d what=%s\n", value, what);
}
KP_PROBE(kp::Tracepoint<"kp_target_hit", kp::Args<int, const char *>>, on_hit);

// At most one call in flight: concurrent sleeps are missed, and unloading
// reports "kretprobe missed probing N instances of hrtimer_nanosleep...".
static void on_nanosleep_return(long) {}
KP_PROBE(kp::Kretprobe<"hrtimer_nanosleep", kp::Returns<long>, kp::MaxActive<1>>,
	 on_nanosleep_return);
