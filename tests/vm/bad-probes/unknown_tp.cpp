// SPDX-License-Identifier: GPL-2.0
// A tracepoint that no kernel and no loaded module defines.
#include "kp.hpp"

static void on_nothing(int) {}
KP_PROBE(kp::Tracepoint<"kp_no_such_tracepoint", kp::Args<int>>, on_nothing);
