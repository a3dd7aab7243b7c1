// SPDX-License-Identifier: GPL-2.0
/*
 * Maps from the seed's C macros (tests/vm/t/36-maps.sh): a count keyed by
 * the value's parity and a log2 histogram of kp_target_value(v).  Named
 * after status_c.c on purpose: its probes keep the derived names
 * "kprobe:kp_target_value" (t/60-status.sh); this one is "...#2".
 */
#include "kprobe.h"

KP_COUNT_MAP(c_value_parity, 4);
KP_HIST_MAP(c_value_log2);

KPROBE_HANDLER_DEFINE1(kp_target_value, long, v)
{
	kp_count(&c_value_parity, v & 1);
	kp_hist(&c_value_log2, v);
	return 0;
}
