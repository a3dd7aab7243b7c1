// SPDX-License-Identifier: GPL-2.0
/*
 * The unload guard's probe (tests/vm/target/kp_target.c, .../linger): a
 * slow tracepoint handler, in flight for 200 us per call.  Unloading
 * kp_tests while another CPU runs it must wait for it: kp_target counts an
 * unload whose exit returned with the handler still in flight as "late".
 * A C file: it needs the kernel's atomics and udelay.  Named a_* so that it
 * registers first and unregisters last: no later unregister_kprobe() (each
 * waits an RCU grace period itself) can hide a missing wait for it.
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
