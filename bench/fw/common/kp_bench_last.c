// SPDX-License-Identifier: GPL-2.0
/*
 * The global every framework bench probe stores into (bench/kp_bench.h),
 * shown as /sys/module/<module>/parameters/last like the handwritten
 * module's.  The hit count is the framework's own (its status counter).
 */
#include <linux/moduleparam.h>

unsigned long kp_bench_last;
module_param_named(last, kp_bench_last, ulong, 0444);
