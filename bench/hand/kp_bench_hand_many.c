// SPDX-License-Identifier: GPL-2.0
/*
 * The handwritten reference of the 1,000-probe load/unload measurement:
 * KP_BENCH_MANY kprobes (or kretprobes) on kp_bench_many_0 .. _999 with an
 * empty handler, registered at init and unregistered at exit
 *
 *   insmod kp_bench_hand_many.ko kind=kprobe|kretprobe batch=0|1
 *
 * batch=0: one register_kprobe()/unregister_kprobe() per probe (what the
 * framework's core does today: one RCU grace period per unregister);
 * batch=1: register_kprobes()/unregister_kprobes() on the whole array (one
 * grace period for all of them at unregister).
 */
#include <linux/kernel.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../kp_bench.h"

static char *kind = "kprobe";
module_param(kind, charp, 0444);
static bool batch;
module_param(batch, bool, 0444);

static char names[KP_BENCH_MANY][24];
static struct kprobe kps[KP_BENCH_MANY];
static struct kprobe *kp_ptrs[KP_BENCH_MANY];
static struct kretprobe krps[KP_BENCH_MANY];
static struct kretprobe *krp_ptrs[KP_BENCH_MANY];
static bool ret_kind;

static int many_pre(struct kprobe *p, struct pt_regs *regs)
{
	return 0;
}

static int many_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	return 0;
}

static int __init kp_bench_hand_many_init(void)
{
	int i, ret = 0;

	ret_kind = !strcmp(kind, "kretprobe");
	if (!ret_kind && strcmp(kind, "kprobe"))
		return -EINVAL;
	for (i = 0; i < KP_BENCH_MANY; i++) {
		snprintf(names[i], sizeof(names[i]), "kp_bench_many_%d", i);
		kps[i].symbol_name = names[i];
		kps[i].pre_handler = many_pre;
		kp_ptrs[i] = &kps[i];
		krps[i].kp.symbol_name = names[i];
		krps[i].handler = many_ret;
		krps[i].maxactive = 20;
		krp_ptrs[i] = &krps[i];
	}
	if (batch)
		return ret_kind ? register_kretprobes(krp_ptrs, KP_BENCH_MANY) :
				  register_kprobes(kp_ptrs, KP_BENCH_MANY);
	for (i = 0; i < KP_BENCH_MANY; i++) {
		ret = ret_kind ? register_kretprobe(&krps[i]) : register_kprobe(&kps[i]);
		if (ret < 0) {
			pr_err("kp_bench_hand_many: register %s failed: %d\n", names[i], ret);
			while (--i >= 0) {
				if (ret_kind)
					unregister_kretprobe(&krps[i]);
				else
					unregister_kprobe(&kps[i]);
			}
			return ret;
		}
	}
	return 0;
}

static void __exit kp_bench_hand_many_exit(void)
{
	int i;

	if (batch) {
		if (ret_kind)
			unregister_kretprobes(krp_ptrs, KP_BENCH_MANY);
		else
			unregister_kprobes(kp_ptrs, KP_BENCH_MANY);
		return;
	}
	for (i = KP_BENCH_MANY - 1; i >= 0; i--) {
		if (ret_kind)
			unregister_kretprobe(&krps[i]);
		else
			unregister_kprobe(&kps[i]);
	}
}

module_init(kp_bench_hand_many_init);
module_exit(kp_bench_hand_many_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kprobe-template benchmark: 1,000 probes registered by hand");
