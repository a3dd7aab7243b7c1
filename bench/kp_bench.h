/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every variant of the per-hit benchmark agrees on (C, C++ and BPF
 * include it).  The work of one hit, the same in the handwritten module, the
 * framework's probes and the BPF programs:
 *   - count the hit: one per-CPU increment (the framework's own status
 *     counter, a DEFINE_PER_CPU counter, a BPF per-CPU array slot);
 *   - decode the argument(s) and store a value computed from them in one
 *     global (WRITE_ONCE): kprobe i + tag, kretprobe the return value,
 *     tracepoint i + tag, syscall umask's mask.
 * The guest checks the stored value after each run: the probe fired and
 * decoded what the hot path passed.
 */
#ifndef KP_BENCH_H
#define KP_BENCH_H

#define KP_BENCH_TAG 7		/* kp_bench_fn(i, KP_BENCH_TAG) */
#define KP_BENCH_UMASK 022	/* the guest's umask(KP_BENCH_UMASK) loop */
#define KP_BENCH_MANY 1000	/* kp_bench_many_0 .. kp_bench_many_999 */

#endif
