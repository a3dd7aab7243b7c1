// SPDX-License-Identifier: GPL-2.0
// kp_bad.ko (tests/vm/t/60-bad-input.sh): a probe that registers, before
// the bad ones (files register in name order), so that every failure has
// something to roll back.  Each insmod excludes every bad probe but one.
#include "kp.hpp"

static void on_value(long) {}
KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>>, on_value);
