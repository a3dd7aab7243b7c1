// SPDX-License-Identifier: GPL-2.0
// kp_dup.ko (tests/vm/t/60-bad-input.sh): the same probe declared twice,
// same kind, symbol, offset and handler.  The registry refuses the module
// before anything registers (a declaration error: excluding one of the two
// would not make it right), so this case is a module of its own.
#include "kp.hpp"

static void on_twice(long) {}
KP_PROBE(kp::Kprobe<"kp_target_many", kp::Args<long>>, on_twice);
KP_PROBE(kp::Kprobe<"kp_target_many", kp::Args<long>>, on_twice);
