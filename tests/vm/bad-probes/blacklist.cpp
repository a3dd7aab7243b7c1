// SPDX-License-Identifier: GPL-2.0
// notify_die is NOKPROBE_SYMBOL (kernel/notifier.c): on the kprobe blacklist.
#include "kp.hpp"

static void on_notify_die(int, const char *) {}
KP_PROBE(kp::Kprobe<"notify_die", kp::Args<int, const char *>>, on_notify_die);
