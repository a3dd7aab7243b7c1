// SPDX-License-Identifier: GPL-2.0
// kp_out.ko (tests/vm/t/34-output.sh): kp::print into the module's trace
// instance, instances/kp_out/trace.  A write of N to kp_target's "out" file
// calls kp_target_out(i) for i = 1..N, which passes one value of every
// integer width (both signs, the unsigned ones with the high bit set), a
// string, a pointer and a function address (tests/vm/target/kp_target.c).
#include "kp.hpp"

static void on_ints(kp::s8 c, kp::u8 uc, short s, unsigned short us, int i, unsigned int ui,
		    long l, unsigned long ul)
{
	kp::print<"out_ints: c={} uc={} s={} us={} i={} ui={} l={} ul={}\n">(c, uc, s, us, i, ui, l,
									      ul);
}
KP_PROBE(kp::Kprobe<"kp_target_out_ints", kp::Args<kp::s8, kp::u8, short, unsigned short, int,
						     unsigned int, long, unsigned long>>,
	 on_ints);

static void on_more(long long ll, unsigned long long ull, const char *str, const void *ptr,
		    unsigned long fn)
{
	kp::print<"out_more: ll={} ull={} str={} ptr={} raw={} fn={} comm={} pid={} 100%\n">(
		ll, ull, str, ptr, kp::Raw{ptr}, kp::Sym{fn}, kp::current_comm(), kp::current_pid());
}
KP_PROBE(kp::Kprobe<"kp_target_out_more",
		    kp::Args<long long, unsigned long long, const char *, const void *, unsigned long>>,
	 on_more);
