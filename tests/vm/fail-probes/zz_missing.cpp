// SPDX-License-Identifier: GPL-2.0
// A probe that cannot register: loading kp_fail.ko must fail with -ENOENT
// after rolling back every probe registered before this one.
#include "kp.hpp"

static void never(int) {}
KP_PROBE(kp::Kprobe<"kp_no_such_function", kp::Args<int>>, never);
