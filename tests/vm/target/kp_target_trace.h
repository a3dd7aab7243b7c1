/* SPDX-License-Identifier: GPL-2.0 */
/* A tracepoint that lives in a loadable module (kp_target.ko). */
#ifndef KP_TARGET_TRACE_H
#define KP_TARGET_TRACE_H

#include <linux/tracepoint.h>

DECLARE_TRACE(kp_target_hit, TP_PROTO(int value, const char *what), TP_ARGS(value, what));

/*
 * Fired by writes to .../linger with the counters of the unload guard: a
 * probe on it (tests/vm/probes/a_linger.c) increments in_flight, spins, then
 * decrements it, so that a module unloaded while it runs is caught.
 */
struct kp_target_linger {
	atomic_t in_flight;
	atomic_t runs;
};
DECLARE_TRACE(kp_target_linger, TP_PROTO(struct kp_target_linger *l), TP_ARGS(l));

/* Fired inside kp_target_chain_c (a -> b -> c): a probe on it sees the chain on its stack. */
DECLARE_TRACE(kp_target_chain, TP_PROTO(long v), TP_ARGS(v));

#endif
