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

#ifdef __cplusplus
extern "C" {
#endif
/* this_cpu_inc(*hits), in the core (the arm64 path below). */
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
#elif defined(__x86_64__)
	/*
	 * this_cpu_inc(): x86_64 per-CPU pointers are %gs-relative (6.1 and
	 * 6.12 alike), the instruction the kernel's percpu_unary_op emits.
	 */
	__asm__ __volatile__("incq %%gs:%0" : "+m"(*s->hits));
#elif defined(__aarch64__)
	/*
	 * The per-CPU base is tpidr_el1 or tpidr_el2 (VHE), chosen by
	 * alternatives patching: not for inline code here to guess.
	 */
	kp_hit_count(s->hits);
#else
#error "kp_hit.h: no per-CPU increment for this architecture"
#endif
}

#endif
