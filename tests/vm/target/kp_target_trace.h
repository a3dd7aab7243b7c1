/* SPDX-License-Identifier: GPL-2.0 */
/* A tracepoint that lives in a loadable module (kp_target.ko). */
#ifndef KP_TARGET_TRACE_H
#define KP_TARGET_TRACE_H

#include <linux/tracepoint.h>

DECLARE_TRACE(kp_target_hit, TP_PROTO(int value, const char *what), TP_ARGS(value, what));

#endif
