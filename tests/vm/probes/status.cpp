// SPDX-License-Identifier: GPL-2.0
// Status and control (tests/vm/t/60-status.sh): named probes on
// kp_target_value() and the tracepoint kp_target_hit, which a write of N to
// kp_target's "repeat" file calls and fires exactly N times, and an optional
// probe on a function that does not exist.  Sorted after kp_target.cpp:
// without kp_target.ko loaded, kp_target.cpp's first probe is the one that
// fails the load (t/90-unload.sh).
#include "kp.hpp"

static void on_value(long) {}
KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>, kp::Name<"status_value">>, on_value);

static void on_value_return(long) {}
KP_PROBE(kp::Kretprobe<"kp_target_value", kp::Returns<long>, kp::Name<"status_value_ret">>,
	 on_value_return);

static void on_hit(int, const char *) {}
KP_PROBE(kp::Tracepoint<"kp_target_hit", kp::Args<int, const char *>, kp::Name<"status_hit">>,
	 on_hit);

// Skipped at load ("skipped -ENOENT"); the module loads with the others.
static void never(int) {}
KP_PROBE(kp::Kprobe<"kp_no_such_function_optional", kp::Args<int>, kp::Optional,
		    kp::Name<"status_missing">>,
	 never);
