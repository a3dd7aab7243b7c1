// SPDX-License-Identifier: GPL-2.0
// An offset far beyond the end of do_sys_openat2 (a few hundred bytes long).
#include "kp.hpp"

static void on_beyond(const kp::Regs &) {}
KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Offset<0x100000>>, on_beyond);
