// SPDX-License-Identifier: GPL-2.0
// kp_overload.ko (tests/vm/t/62-overload.sh): overload protection.  "spin"
// spins 1 ms in every call of kp_target_value() (the most a timed call
// counts: framework/core/kp_overload.c), so a run of the target's
// `repeat` file keeps it busy nearly all the time of one CPU; "steady"
// counts the kp_target_hit tracepoint the same loop fires, at no cost.
#include "kp.hpp"

static void spin(long)
{
	unsigned long long end = kp::time_ns() + 1000000;

	while (kp::time_ns() < end)
		;
}
KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>, kp::Name<"spin">>, spin);

static void steady(int, const char *) {}
KP_PROBE(kp::Tracepoint<"kp_target_hit", kp::Args<int, const char *>, kp::Name<"steady">>, steady);
