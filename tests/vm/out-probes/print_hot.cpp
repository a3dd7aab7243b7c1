// SPDX-License-Identifier: GPL-2.0
// kp_out.ko (tests/vm/t/34-output.sh): a line on every call of a hot path.
// kp_target's "repeat" file calls kp_target_value(i) N times per write; the
// flood check writes it in a loop for seconds: the ring buffer overwrites
// its oldest lines (overruns, counted and reported at unload), the guest
// stays responsive and the module unloads.
#include "kp.hpp"

static void on_value(long v) { kp::print<"out_hot: v={}\n">(v); }
KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>>, on_value);
