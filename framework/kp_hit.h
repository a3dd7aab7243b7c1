/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-hit bump of a probe's counter: one per-CPU increment, inlined
 * into the handler the kernel calls (C macros and C++ thunks alike).  C,
 * includable from C++, no kernel header.
 *
 * Context: every probe handler runs with preemption disabled (kprobe and
 * kretprobe handlers from the breakpoint, ftrace or rethook path, tracepoint
 * probes inside the tracepoint's preempt_disable_notrace()).  The increment
 * does not rely on it: on x86_64 it is a %gs-relative add of the counter's
 * low byte plus, once in KP_SAMPLE_EVERY hits, the carry into the rest
 * (arch/x86_64), on arm64 an LL/SC increment at the per-CPU base that the
 * kernel's own alternative picks (tpidr_el1 or, VHE, tpidr_el2:
 * arch/arm64), so it is also safe against interrupts.  The counters are read (summed
 * over the possible CPUs) by the status file.
 */
#ifndef KP_HIT_H
#define KP_HIT_H

#include "kp_abi.h"
#include "../arch/kp_arch.h"

/*
 * Overload protection (framework/core/kp_overload.c) times one hit in
 * KP_SAMPLE_EVERY per CPU: kp_hit() says which, and KP_COUNTED() times
 * that one's handler call between kp_sample_begin() and kp_sample_end().
 */
#define KP_SAMPLE_EVERY 256

#ifdef __cplusplus
extern "C" {
#endif
/*
 * this_cpu_inc_return(*hits), in the core, where the arch header has no
 * inline increment (host tests; arm64 without KP_ARM64_CAP_VHE): nonzero
 * on the sampled hit.
 */
int kp_hit_count(unsigned long *hits);
/*
 * A sampled hit's start and end: its time (at most 1 ms) to the probe's
 * per-CPU busy word, hits[1], in the core's sample unit (the arch's
 * counter's ticks, as the inline path; without one ns).
 */
unsigned long long kp_sample_begin(void);
void kp_sample_end(unsigned long *hits, unsigned long long t0);
#ifdef __cplusplus
}
#endif

/*
 * Counts one hit on a probe's per-CPU counter (kp_probe_state.hits);
 * nonzero: this is the sampled one (time its handler).
 */
static inline __attribute__((always_inline)) int kp_hit_on(unsigned long *hits)
{
#if !defined(__KERNEL__)
	/* host tests: a plain counter, or none */
	return hits && ++*hits % KP_SAMPLE_EVERY == 0;
#elif defined(KP_NATIVE_HAS_PERCPU_INC)
	return kp_native_percpu_inc_sampled(hits); /* arch/<arch>/: inline */
#else
	return kp_hit_count(hits); /* the core's this_cpu_inc_return() */
#endif
}
/* The same on the counter of the probe whose state is s. */
static inline __attribute__((always_inline)) int kp_hit(struct kp_probe_state *s)
{
	return kp_hit_on(s->hits);
}

/*
 * call (a statement: the handler's call) counted as a hit on the per-CPU
 * counter hits (a probe's kp_probe_state.hits), and timed when it is the
 * sampled one.  KP_COUNTED(s, call) is the same on state s's counter; a
 * tracepoint probe has its counter in hand (the core registers it as the
 * probe's data, kp_abi.h) and saves the load of s->hits.  Two copies of
 * call: the common one pays the counter and a branch, nothing else.  Where
 * the arch has an inline clock and per-CPU add (arm64, x86_64), the
 * sampled one adds its time (clamped to 1 ms) to the probe's busy word
 * inline, hits[1] (kp_abi.h), and calls nothing: a handler whose call is
 * inlined keeps its thunk a leaf (x86_64: saves no registers).  Elsewhere
 * the core's kp_sample_begin/end time it.
 */
#if defined(__KERNEL__) && defined(KP_NATIVE_HAS_PERCPU_INC) && defined(KP_NATIVE_HAS_SAMPLE_CLOCK)
#define KP_COUNTED_ON(hits, call)                                              \
	do {                                                                   \
		unsigned long *kp_h_ = (hits);                                 \
		if (__builtin_expect(kp_hit_on(kp_h_), 0)) {                   \
			unsigned long kp_t0_ = kp_native_sample_clock();       \
			unsigned long kp_dt_;                                  \
			call;                                                  \
			kp_dt_ = kp_native_sample_clock() - kp_t0_;            \
			if (kp_dt_ > kp_native_sample_max())                   \
				kp_dt_ = kp_native_sample_max();               \
			kp_native_percpu_add(kp_h_ + 1, kp_dt_);               \
		} else {                                                       \
			call;                                                  \
		}                                                              \
	} while (0)
#else
#define KP_COUNTED_ON(hits, call)                                              \
	do {                                                                   \
		unsigned long *kp_h_ = (hits);                                 \
		if (__builtin_expect(kp_hit_on(kp_h_), 0)) {                   \
			unsigned long long kp_t0_ = kp_sample_begin();         \
			call;                                                  \
			kp_sample_end(kp_h_, kp_t0_);                          \
		} else {                                                       \
			call;                                                  \
		}                                                              \
	} while (0)
#endif
#define KP_COUNTED(s, call) KP_COUNTED_ON((s)->hits, call)

#endif
