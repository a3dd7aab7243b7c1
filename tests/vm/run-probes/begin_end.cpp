// SPDX-License-Identifier: GPL-2.0
// kp_run.ko (tests/vm/t/35-begin-end.sh): begin, end and interval probes
// declared in C++, next to two kprobes whose register lines they must
// follow (begin) and precede (end).
#include "kp.hpp"

static void on_value(long) {}
KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>, kp::Name<"run_value">>, on_value);

static void on_begin() { kp_printk("begin: cpp\n"); }
KP_PROBE(kp::Begin<>, on_begin);

static void on_end() { kp_printk("end: cpp\n"); }
KP_PROBE(kp::End<kp::Name<"run_end">>, on_end);

// Every 100 ms: "tick: n=N" into the trace instance, N counting the runs.
static unsigned long ticks;
static void on_tick() { kp::print<"tick: n={}\n">(++ticks); }
KP_PROBE(kp::Interval<100, kp::Name<"tick">>, on_tick);
