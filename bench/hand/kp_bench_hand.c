// SPDX-License-Identifier: GPL-2.0
/*
 * The handwritten reference of the per-hit benchmark: one probe, written as
 * the kernel's samples/kprobes do it, doing the work every variant does
 * (bench/kp_bench.h): one per-CPU hit count, the argument(s) decoded and a
 * value stored.  probe= picks which one this load registers:
 *
 *   insmod kp_bench_hand.ko probe=kprobe      kprobe on kp_bench_fn: i + tag
 *   insmod kp_bench_hand.ko probe=kretprobe   kretprobe on kp_bench_fn: its return value
 *   insmod kp_bench_hand.ko probe=tp          tracepoint kp_bench_hit: i + tag
 *   insmod kp_bench_hand.ko probe=sys         kprobe on umask's syscall wrapper: mask
 *
 * /sys/module/kp_bench_hand/parameters/{hits,last} show the count and the
 * value stored.  heap=1 (a diagnostic, not the reference): the struct
 * kprobe / kretprobe is a kzalloc'd copy instead of the static one.
 */
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/ptrace.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

#include "../target/kp_bench_target_trace.h"

#if defined(CONFIG_X86_64)
#define KP_BENCH_SYS_UMASK "__x64_sys_umask"
#elif defined(CONFIG_ARM64)
#define KP_BENCH_SYS_UMASK "__arm64_sys_umask"
#else
#error "kp_bench_hand: no syscall wrapper name for this architecture"
#endif

static char *probe = "kprobe";
module_param(probe, charp, 0444);
MODULE_PARM_DESC(probe, "kprobe, kretprobe, tp or sys");
static bool heap;
module_param(heap, bool, 0444);

static DEFINE_PER_CPU(unsigned long, kp_bench_hits);
static unsigned long kp_bench_last;
module_param_named(last, kp_bench_last, ulong, 0444);

static int hits_get(char *buf, const struct kernel_param *kp)
{
	unsigned long sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(kp_bench_hits, cpu);
	return sysfs_emit(buf, "%lu\n", sum);
}
static const struct kernel_param_ops hits_ops = { .get = hits_get };
module_param_cb(hits, &hits_ops, NULL, 0444);

/* kprobe at kp_bench_fn(unsigned long i, int tag) */
static int kprobe_pre(struct kprobe *p, struct pt_regs *regs)
{
	unsigned long i = regs_get_kernel_argument(regs, 0);
	int tag = (int)regs_get_kernel_argument(regs, 1);

	this_cpu_inc(kp_bench_hits);
	WRITE_ONCE(kp_bench_last, i + tag);
	return 0;
}

/* kretprobe on kp_bench_fn: the return value */
static int kretprobe_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	this_cpu_inc(kp_bench_hits);
	WRITE_ONCE(kp_bench_last, regs_return_value(regs));
	return 0;
}

/* tracepoint kp_bench_hit(unsigned long i, int tag) */
static void tp_probe(void *data, unsigned long i, int tag)
{
	this_cpu_inc(kp_bench_hits);
	WRITE_ONCE(kp_bench_last, i + tag);
}

/*
 * umask(int mask) through its syscall wrapper, which takes the user's
 * registers: __<arch>_sys_umask(const struct pt_regs *).
 */
static int sys_pre(struct kprobe *p, struct pt_regs *regs)
{
	const struct pt_regs *uregs = (const struct pt_regs *)regs_get_kernel_argument(regs, 0);
#if defined(CONFIG_X86_64)
	int mask = (int)uregs->di;
#else
	int mask = (int)uregs->regs[0];
#endif

	this_cpu_inc(kp_bench_hits);
	WRITE_ONCE(kp_bench_last, mask);
	return 0;
}

static struct kprobe kp = { .symbol_name = "kp_bench_fn", .pre_handler = kprobe_pre };
static struct kretprobe krp = {
	.kp.symbol_name = "kp_bench_fn",
	.handler = kretprobe_ret,
	.maxactive = 20,
};
static struct kprobe sys_kp = { .symbol_name = KP_BENCH_SYS_UMASK, .pre_handler = sys_pre };

static struct kprobe *the_kp = &kp;
static struct kretprobe *the_krp = &krp;

static int __init kp_bench_hand_init(void)
{
	int ret;

	if (heap) {
		the_kp = kmemdup(&kp, sizeof(kp), GFP_KERNEL);
		the_krp = kmemdup(&krp, sizeof(krp), GFP_KERNEL);
		if (!the_kp || !the_krp) {
			kfree(the_kp);
			kfree(the_krp);
			return -ENOMEM;
		}
	}
	if (!strcmp(probe, "kprobe"))
		ret = register_kprobe(the_kp);
	else if (!strcmp(probe, "kretprobe"))
		ret = register_kretprobe(the_krp);
	else if (!strcmp(probe, "tp"))
		ret = register_trace_kp_bench_hit(tp_probe, NULL);
	else if (!strcmp(probe, "sys"))
		ret = register_kprobe(&sys_kp);
	else
		ret = -EINVAL;
	if (ret < 0) {
		pr_err("kp_bench_hand: %s: register failed, returned %d\n", probe, ret);
		if (heap) {
			kfree(the_kp);
			kfree(the_krp);
		}
	}
	return ret;
}

static void __exit kp_bench_hand_exit(void)
{
	if (!strcmp(probe, "kprobe")) {
		unregister_kprobe(the_kp);
	} else if (!strcmp(probe, "kretprobe")) {
		unregister_kretprobe(the_krp);
	} else if (!strcmp(probe, "tp")) {
		unregister_trace_kp_bench_hit(tp_probe, NULL);
		tracepoint_synchronize_unregister();
	} else {
		unregister_kprobe(&sys_kp);
	}
	if (heap) {
		kfree(the_kp);
		kfree(the_krp);
	}
}

module_init(kp_bench_hand_init);
module_exit(kp_bench_hand_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kprobe-template benchmark: the handwritten reference probe");
