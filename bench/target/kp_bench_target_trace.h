/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bench target's tracepoint: a real trace event (TRACE_EVENT), so that
 * the kernel builds everything users attach to it: tracepoint_probe_register
 * (framework, handwritten C), the BPF raw tracepoint map (raw_tp programs)
 * and the tracefs event kp_bench/kp_bench_hit.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kp_bench

#if !defined(KP_BENCH_TARGET_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define KP_BENCH_TARGET_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(kp_bench_hit,
	TP_PROTO(unsigned long i, int tag),
	TP_ARGS(i, tag),
	TP_STRUCT__entry(__field(unsigned long, i) __field(int, tag)),
	TP_fast_assign(__entry->i = i; __entry->tag = tag;),
	TP_printk("i=%lu tag=%d", __entry->i, __entry->tag));

#endif

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE kp_bench_target_trace
#include <trace/define_trace.h>
