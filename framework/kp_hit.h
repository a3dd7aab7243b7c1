/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-hit bump of a probe's counter: one per-CPU increment, inlined
 * into the handler the kernel calls (C macros and C++ thunks alike).  C,
 * includable from C++, no kernel header.
 *
 * Context: every probe handler runs with preemption disabled (kprobe and
 * kretprobe handlers from the breakpoint, ftrace or rethook path, tracepoint
 * probes inside the tracepoint's preempt_disable_notrace()).  The increment
 * does not rely on it: like this_cpu_inc() it is one instruction relative
 * to the current CPU on x86_64, and the core's this_cpu_inc() on arm64, so
 * it is also safe against interrupts and migration.  The counters are read
 * (summed over the possible CPUs) by the status file.
 */
#ifndef KP_HIT_H
#define KP_HIT_H

#include "kp_abi.h"
#include "../arch/kp_arch.h"

#ifdef __cplusplus
extern "C" {
#endif
/* this_cpu_inc(*hits), in the core: for arches without an inline one (arm64). */
void kp_hit_count(unsigned long *hits);
#ifdef __cplusplus
}
#endif

static inline __attribute__((always_inline)) void kp_hit(struct kp_probe_state *s)
{
#if !defined(__KERNEL__)
	/* host tests: a plain counter, or none */
	if (s->hits)
		++*s->hits;
#elif defined(KP_NATIVE_HAS_PERCPU_INC)
	kp_native_percpu_inc(s->hits); /* arch/<arch>/: one instruction */
#else
	kp_hit_count(s->hits); /* the core's this_cpu_inc() */
#endif
}

#endif
