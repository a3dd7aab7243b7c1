// SPDX-License-Identifier: GPL-2.0
/*
 * Overload protection, as SystemTap has it (STP_OVERLOAD_THRESHOLD: 500M
 * cycles in 1G): a probe whose handlers use more than overload_limit
 * percent of one CPU's time over an interval of overload_interval_ms is
 * disabled, with one line naming it, and shows as "disabled (overload)" in
 * the status file until the control file enables it again.
 *
 * The cost per hit: none beyond the hit counter.  kp_hit() (kp_hit.h)
 * marks one hit in KP_SAMPLE_EVERY per CPU, and only that one's handler
 * call is timed, its time (at most 1 ms) added to the probe's per-CPU busy
 * word (hits[1], kp_abi.h): inline in the thunk, with the arch's counter
 * (arch/<arch>: arm64 the generic timer, x86_64 the TSC; no call, so the
 * thunk stays a leaf), in its ticks; elsewhere (an arch without one) by
 * kp_sample_begin/end below, with ktime_get_mono_fast_ns() (NMI-safe), in
 * ns.
 * A delayed work converts each CPU's busy time to ns, multiplies it by
 * KP_SAMPLE_EVERY and compares it with the time that passed.  The estimate
 * needs a few sampled hits per interval: a probe hit fewer than
 * KP_SAMPLE_EVERY times an interval on a CPU is seen late or not at all
 * (its handlers then cost at most 256 calls an interval).
 */

#include <linux/jiffies.h>
#include <linux/kprobes.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>

#include "../kp_hit.h"
#include "kp_core.h"

static unsigned int overload_limit = 50;
module_param(overload_limit, uint, 0444);
MODULE_PARM_DESC(overload_limit, "percent of one CPU a probe's handlers may use over an interval "
		 "before the probe is disabled (default 50; 0: no limit)");
static unsigned int overload_interval_ms = 1000;
module_param(overload_interval_ms, uint, 0444);
MODULE_PARM_DESC(overload_interval_ms, "the overload check's interval in ms (default 1000)");

static unsigned int kp_ovl_n;
static unsigned long __percpu *kp_ovl_hits;	   /* the core's hit counters: the index of a state */
static unsigned long long *kp_ovl_seen;		   /* [idx * nr_cpu_ids + cpu]: busy at the last check */
static unsigned char *kp_ovl_strikes;		   /* [idx * nr_cpu_ids + cpu]: checks over the limit in a row */

/*
 * A timed call counts at most 1 ms: the clock also runs while the CPU is
 * interrupted, or, in a VM, while the host runs something else, and one such
 * call, counted 256 times, would look like a quarter of a second.  And a
 * probe is disabled only when over the limit in two checks in a row.  (A
 * guest whose vCPU thread the host stalled saw an inode_permission probe
 * "use 146%" in one interval.)  So a handler taking more than 1 ms a call is
 * underestimated: it is seen when called more than about 512 times a second
 * on one CPU.
 */
#define KP_SAMPLE_MAX_NS 1000000ull
#define KP_OVERLOAD_STRIKES 2
static u64 kp_ovl_last;				   /* ktime_get_ns() of the last check */
static bool kp_ovl_running;

/*
 * The sample unit: the arch's counter's ticks (the thunks time their
 * sampled hits inline with it, arch/<arch>), elsewhere ns.  Every path of
 * one arch uses the same unit: the C macros' handlers without the inline
 * path come here.
 */
#ifdef CONFIG_X86_64
#include <asm/tsc.h>
/*
 * arch/x86_64's TSC rate, ticks a millisecond: the kernel's tsc_khz, copied
 * at load (the C++ thunks include no kernel header).  Without a calibrated
 * TSC (tsc_khz 0) it is taken as 1 GHz: the estimate is then off by the
 * ratio, the protection still there.
 */
unsigned long kp_x86_64_tsc_per_ms = 1000000;
#endif
#ifdef KP_NATIVE_HAS_SAMPLE_CLOCK
#define kp_sample_now() kp_native_sample_clock()
#define kp_sample_max() kp_native_sample_max()
static u64 kp_sample_ns(u64 units)
{
	return mul_u64_u64_div_u64(units, NSEC_PER_SEC, kp_native_sample_hz());
}
#else
#define kp_sample_now() ktime_get_mono_fast_ns()
#define kp_sample_max() KP_SAMPLE_MAX_NS
static u64 kp_sample_ns(u64 units)
{
	return units;
}
#endif

unsigned long long notrace kp_sample_begin(void)
{
	return kp_sample_now();
}
NOKPROBE_SYMBOL(kp_sample_begin);

void notrace kp_sample_end(unsigned long *hits, unsigned long long t0)
{
	unsigned long long dt = kp_sample_now() - t0;

	this_cpu_add(*(unsigned long __percpu __force *)(hits + 1),
		     (unsigned long)min_t(unsigned long long, dt, kp_sample_max()));
}
NOKPROBE_SYMBOL(kp_sample_end);

static void kp_overload_check(struct work_struct *w);
static DECLARE_DELAYED_WORK(kp_ovl_work, kp_overload_check);

/*
 * On any CPU: a CPU-bound worker would wait behind the very handlers it is
 * to stop (a kernel loop calling a probed function need not reschedule).
 */
static void kp_overload_queue(void)
{
	queue_delayed_work(system_unbound_wq, &kp_ovl_work, msecs_to_jiffies(overload_interval_ms));
}

static void kp_overload_check(struct work_struct *w)
{
	u64 now = ktime_get_ns(), span = now - kp_ovl_last;
	unsigned int idx, cpu;

	kp_ovl_last = now;
	for (idx = 0; idx < kp_ovl_n; idx++) {
		for_each_possible_cpu(cpu) {
			/* the busy word (kp_abi.h): the sampled hits' time, one in KP_SAMPLE_EVERY */
			unsigned long long busy = *per_cpu_ptr(kp_ovl_hits + 2 * idx + 1, cpu);
			unsigned long long *seen = &kp_ovl_seen[idx * nr_cpu_ids + cpu];
			unsigned char *strikes = &kp_ovl_strikes[idx * nr_cpu_ids + cpu];
			unsigned long long used = kp_sample_ns(busy - *seen) * KP_SAMPLE_EVERY;

			*seen = busy;
			/* used / span > limit / 100, twice in a row; a disabled probe is skipped */
			if (!span || used * 100 <= (unsigned long long)overload_limit * span) {
				*strikes = 0;
				continue;
			}
			if (++*strikes >= KP_OVERLOAD_STRIKES && kp_status_enabled(idx))
				kp_status_overload(idx, cpu, (unsigned int)div64_u64(used * 100, span),
						   (unsigned int)div64_u64(span, NSEC_PER_MSEC),
						   overload_limit);
		}
	}
	kp_overload_queue();
}

int kp_overload_init(unsigned int n, unsigned long __percpu *hits)
{
	kp_ovl_n = n;
	kp_ovl_hits = hits;
#ifdef CONFIG_X86_64
	if (tsc_khz)
		kp_x86_64_tsc_per_ms = tsc_khz;
#endif
	kp_ovl_seen = kcalloc((n ? n : 1) * nr_cpu_ids, sizeof(*kp_ovl_seen), GFP_KERNEL);
	kp_ovl_strikes = kcalloc((n ? n : 1) * nr_cpu_ids, sizeof(*kp_ovl_strikes), GFP_KERNEL);
	if (!kp_ovl_seen || !kp_ovl_strikes) {
		kp_overload_free();
		return -ENOMEM;
	}
	return 0;
}

/* After registration: the first check one interval from now. */
void kp_overload_start(void)
{
	if (!overload_limit || !overload_interval_ms)
		return;
	kp_ovl_last = ktime_get_ns();
	kp_ovl_running = true;
	kp_overload_queue();
}

/* Before unregistration: no check runs when this returns. */
void kp_overload_stop(void)
{
	if (kp_ovl_running)
		cancel_delayed_work_sync(&kp_ovl_work);
	kp_ovl_running = false;
}

/* After the last handler ran. */
void kp_overload_free(void)
{
	kfree(kp_ovl_seen);
	kfree(kp_ovl_strikes);
	kp_ovl_seen = NULL;
	kp_ovl_strikes = NULL;
	kp_ovl_n = 0;
}
