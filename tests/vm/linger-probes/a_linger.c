// SPDX-License-Identifier: GPL-2.0
/*
 * kp_linger.ko, the unload guard's module (tests/vm/t/70-stress.sh): one
 * slow tracepoint handler on kp_target_linger (tests/vm/target/kp_target.c,
 * .../linger), in flight for 200 us per call.  Unloading kp_linger while
 * another CPU runs it must wait for it: kp_target counts an unload whose
 * exit returned with the handler still in flight as "late".  A module of
 * one tracepoint probe and nothing else, so that the only wait at its
 * unload is the core's tracepoint_synchronize_unregister(): in a module
 * with kprobes, unregister_kprobes()' grace period would also cover it and
 * hide a missing tracepoint wait.  A C file: it needs the kernel's atomics
 * and udelay.
 */
#include <linux/atomic.h>
#include <linux/delay.h>

#include "kprobe.h"
#include "../target/kp_target_trace.h"

TRACEPOINT_HANDLER_DEFINE(kp_target_linger, struct kp_target_linger *l)
{
	atomic_inc(&l->in_flight);
	atomic_inc(&l->runs);
	udelay(200);
	atomic_dec(&l->in_flight);
}
