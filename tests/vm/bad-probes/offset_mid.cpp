// SPDX-License-Identifier: GPL-2.0
// do_sys_openat2+0x1 is inside the first instruction on both arches
// (x86_64: endbr64 or the call to __fentry__; arm64: 4-byte instructions).
#include "kp.hpp"

static void on_mid(const kp::Regs &) {}
KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Offset<0x1>>, on_mid);
