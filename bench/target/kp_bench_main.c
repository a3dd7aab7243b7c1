// SPDX-License-Identifier: GPL-2.0
/*
 * The hot paths of the per-hit benchmark (bench/, BENCHMARKS.md), called N
 * times in the kernel from one write so that the system call around them
 * costs nothing per call:
 *
 *   echo N > /sys/kernel/debug/kp_bench/call   kp_bench_fn(i, KP_BENCH_TAG), i = 1..N
 *   echo N > /sys/kernel/debug/kp_bench/tp     trace_kp_bench_hit(i, KP_BENCH_TAG), i = 1..N
 *
 * Reading either file gives the last write's loop time in ns, measured
 * here with ktime_get_ns() around the loop (the guest also times the write).
 * kp_bench_many_0 .. kp_bench_many_<KP_BENCH_MANY-1> (kp_bench_many.c,
 * generated) are the targets of the 1,000-probe load/unload measurement.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/uaccess.h>

#define CREATE_TRACE_POINTS
#include "kp_bench_target_trace.h"
EXPORT_TRACEPOINT_SYMBOL_GPL(kp_bench_hit);

#include "../kp_bench.h"

noinline unsigned long kp_bench_fn(unsigned long i, int tag);
noinline unsigned long kp_bench_fn(unsigned long i, int tag)
{
	barrier();
	return i + tag;
}
EXPORT_SYMBOL_GPL(kp_bench_fn);

static u64 kp_bench_loop_ns;
static unsigned long kp_bench_sum;

static ssize_t kp_bench_run(const char __user *ubuf, size_t len, bool tp)
{
	unsigned long i, n, sum = 0;
	u64 t0;

	if (kstrtoul_from_user(ubuf, len, 10, &n) || n > 100000000)
		return -EINVAL;
	t0 = ktime_get_ns();
	if (tp) {
		for (i = 1; i <= n; i++)
			trace_kp_bench_hit(i, KP_BENCH_TAG);
	} else {
		for (i = 1; i <= n; i++)
			sum += kp_bench_fn(i, KP_BENCH_TAG);
	}
	kp_bench_loop_ns = ktime_get_ns() - t0;
	WRITE_ONCE(kp_bench_sum, sum);
	return len;
}

static ssize_t call_write(struct file *f, const char __user *u, size_t len, loff_t *off)
{
	return kp_bench_run(u, len, false);
}

static ssize_t tp_write(struct file *f, const char __user *u, size_t len, loff_t *off)
{
	return kp_bench_run(u, len, true);
}

static ssize_t ns_read(struct file *f, char __user *u, size_t len, loff_t *off)
{
	char buf[32];
	int n = scnprintf(buf, sizeof(buf), "%llu\n", kp_bench_loop_ns);

	return simple_read_from_buffer(u, len, off, buf, n);
}

static const struct file_operations call_fops = { .write = call_write, .read = ns_read };
static const struct file_operations tp_fops = { .write = tp_write, .read = ns_read };
static struct dentry *kp_bench_dir;

static int __init kp_bench_target_init(void)
{
	kp_bench_dir = debugfs_create_dir("kp_bench", NULL);
	/* the two hot paths: one file each */
	debugfs_create_file("call", 0600, kp_bench_dir, NULL, &call_fops);
	debugfs_create_file("tp", 0600, kp_bench_dir, NULL, &tp_fops);
	return 0;
}

static void __exit kp_bench_target_exit(void) { debugfs_remove_recursive(kp_bench_dir); }

module_init(kp_bench_target_init);
module_exit(kp_bench_target_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kprobe-template benchmark: hot paths to probe");
