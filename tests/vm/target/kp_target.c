// SPDX-License-Identifier: GPL-2.0
/*
 * Probe targets for the test bench: functions whose arguments the guest
 * chooses.  Writing "a1 a2 ... a11" to /sys/kernel/debug/kp_target/many
 * calls kp_target_many() with those values: 11 arguments, so that on both
 * x86_64 (6 argument registers) and arm64 (8) some travel on the stack.
 * Writing "N" to .../errptr calls kp_target_errptr(N), which returns
 * ERR_PTR(-N) (or a valid pointer for N = 0).  Every write to "many" also
 * fires the module's own tracepoint kp_target_hit(a2, "many").  Writing "N"
 * to .../repeat calls kp_target_value(i) and fires kp_target_hit(i, "repeat")
 * for i = 1..N: a probed function called exactly N times, with known values.
 * Reading .../tp_probes lists the probe functions registered on the
 * tracepoints kp_target_hit, kp_target_linger and signal_generate ("name
 * func+off/len [mod]"):
 * what the kernel itself holds, to check that an unloaded module left none.
 *
 * Writing "N" to .../out calls kp_target_out(i) for i = 1..N, which calls
 * kp_target_out_ints() and kp_target_out_more() with values derived from
 * i (tests/vm/t/34-output.sh expects them): one of each integer width,
 * both signs, the unsigned ones with the high bit set, a string, a pointer
 * and a function address; then it prints "kp_target: out ptr=%p raw=%px
 * fn=%pS" of the last two.
 *
 * The safe-API fixtures (tests/vm/t/37-safe.sh): writing "N" to .../chain
 * calls kp_target_chain_a(N) -> kp_target_chain_b(N+1) ->
 * kp_target_chain_c(N+2), which fires kp_target_chain(N+2): a known call
 * chain for stack traces.  Writing "V" to .../kread sets an int to V and
 * calls kp_target_kread(&that int, (int *)16, the guard page after a
 * vmalloc'ed page, "kp_target_kread"): one good and two bad kernel
 * addresses, and a kernel string.
 *
 * The unload guard: writing "N" to .../linger fires kp_target_linger N
 * times; a probe on it marks itself in flight while it spins.  A module
 * notifier sees every other module's MODULE_STATE_GOING, which the kernel
 * sends after the module's exit function returned: a probe still in flight
 * then means the exit did not wait for its handlers (text and data about to
 * be freed).  .../late counts those unloads, .../linger_runs the probe's runs.
 */
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "kp_target_trace.h"

DEFINE_TRACE(kp_target_hit, TP_PROTO(int value, const char *what), TP_ARGS(value, what));
DEFINE_TRACE(kp_target_linger, TP_PROTO(struct kp_target_linger *l), TP_ARGS(l));
DEFINE_TRACE(kp_target_chain, TP_PROTO(long v), TP_ARGS(v));

static struct kp_target_linger kp_target_linger_state;
static atomic_t kp_target_late = ATOMIC_INIT(0);

static int kp_target_module_event(struct notifier_block *nb, unsigned long action, void *data)
{
	struct module *mod = data;
	int n;

	if (action != MODULE_STATE_GOING || mod == THIS_MODULE)
		return NOTIFY_DONE;
	n = atomic_read(&kp_target_linger_state.in_flight);
	if (n) {
		atomic_inc(&kp_target_late);
		pr_info("kp_target: %s exited with %d handler(s) still running\n", mod->name, n);
	}
	return NOTIFY_DONE;
}

static struct notifier_block kp_target_module_nb = { .notifier_call = kp_target_module_event };

/*
 * Two probes of kp_target's own (one function, two data values), on
 * kp_target_linger for as long as the module is loaded: removing another
 * module's probe is then a 3 -> 2 change, which patches no jump label or
 * static call and waits for no grace period (1 -> 0 disables the static
 * key, 2 -> 1 updates the static call and waits for RCU); only an explicit
 * wait (tracepoint_synchronize_unregister) makes the remover wait for
 * handlers running on other CPUs, which is what the guard checks.
 */
static void kp_target_linger_keep(void *data, struct kp_target_linger *l)
{
}

noinline long kp_target_many(long a1, int a2, short a3, s8 a4, unsigned int a5, bool a6,
			     u16 a7, int a8, bool a9, s8 a10, long a11);
noinline long kp_target_many(long a1, int a2, short a3, s8 a4, unsigned int a5, bool a6,
			     u16 a7, int a8, bool a9, s8 a10, long a11)
{
	/* A result that depends on every argument keeps them all live. */
	long r = a1 + a2 + a3 + a4 + (long)a5 + a6 + a7 + a8 + a9 + a10 + a11;

	barrier();
	return -r;
}

static int kp_target_object;

noinline void *kp_target_errptr(int err);
noinline void *kp_target_errptr(int err)
{
	barrier();
	return err ? ERR_PTR(-err) : &kp_target_object;
}

noinline long kp_target_value(long v);
noinline long kp_target_value(long v)
{
	barrier();
	return v * 2;
}

noinline long kp_target_out_ints(s8 c, u8 uc, short s, unsigned short us, int i, unsigned int ui,
				 long l, unsigned long ul);
noinline long kp_target_out_ints(s8 c, u8 uc, short s, unsigned short us, int i, unsigned int ui,
				 long l, unsigned long ul)
{
	barrier();
	return c + uc + s + us + i + ui + l + ul;
}

noinline long kp_target_out_more(long long ll, unsigned long long ull, const char *str,
				 const void *ptr, unsigned long fn);
noinline long kp_target_out_more(long long ll, unsigned long long ull, const char *str,
				 const void *ptr, unsigned long fn)
{
	barrier();
	return (long)(ll + ull + str[0] + (unsigned long)ptr + fn);
}

noinline void kp_target_out(int n);
noinline void kp_target_out(int n)
{
	const char *str = "out";
	const void *ptr = &kp_target_object;
	unsigned long fn = (unsigned long)kp_target_value;

	/* not constants: clang would call a copy specialised for them, unprobed */
	OPTIMIZER_HIDE_VAR(str);
	OPTIMIZER_HIDE_VAR(ptr);
	OPTIMIZER_HIDE_VAR(fn);
	kp_target_out_ints(-n, 200 + n, -30000 + n, 60000 + n, -2000000000 + n, 4000000000u + n,
			   -1099511627776L - n, 9223372036854775808UL + n);
	kp_target_out_more(-4611686018427387904LL - n, 18446744073709551615ULL - n, str, ptr, fn);
}

/*
 * a -> b -> c, each noinline and doing work after its call (no tail call,
 * so each caller's frame is on the stack while c runs).
 */
noinline long kp_target_chain_c(long v);
noinline long kp_target_chain_c(long v)
{
	trace_kp_target_chain(v);
	barrier();
	return v + 3;
}

noinline long kp_target_chain_b(long v);
noinline long kp_target_chain_b(long v)
{
	long r = kp_target_chain_c(v + 1);

	barrier();
	return r * 2;
}

noinline long kp_target_chain_a(long v);
noinline long kp_target_chain_a(long v)
{
	long r = kp_target_chain_b(v + 1);

	barrier();
	return r - 1;
}

static int kp_target_kread_value;
static void *kp_target_guarded; /* vmalloc(PAGE_SIZE): the page after it is a guard page */

noinline int kp_target_kread(const int *good, const int *low, const int *guard, const char *name);
noinline int kp_target_kread(const int *good, const int *low, const int *guard, const char *name)
{
	/*
	 * Every argument used (no dereference of the bad ones): a parameter the
	 * function ignores may be left unset by the caller (clang 19 on arm64
	 * passed garbage in x1), and the probe would read that instead.
	 */
	barrier();
	return *good + (name[0] == 'k') + (int)(((unsigned long)low | (unsigned long)guard) & 1);
}

static struct dentry *kp_target_dir;

static ssize_t chain_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	long n;

	if (kstrtol_from_user(ubuf, len, 10, &n))
		return -EINVAL;
	pr_info("kp_target: chain returned %ld\n", kp_target_chain_a(n));
	return len;
}

static const struct file_operations chain_fops = { .write = chain_write };

static ssize_t kread_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	const int *good = &kp_target_kread_value, *low = (const int *)16;
	const int *guard = (const int *)((char *)kp_target_guarded + PAGE_SIZE);
	const char *name = "kp_target_kread";

	if (kstrtoint_from_user(ubuf, len, 10, &kp_target_kread_value))
		return -EINVAL;
	/*
	 * Constant arguments would let clang 19 call a specialised copy
	 * (kp_target_kread.specialized.1), which the probe on
	 * kp_target_kread never sees.
	 */
	OPTIMIZER_HIDE_VAR(good);
	OPTIMIZER_HIDE_VAR(low);
	OPTIMIZER_HIDE_VAR(name);
	pr_info("kp_target: kread returned %d\n", kp_target_kread(good, low, guard, name));
	return len;
}

static const struct file_operations kread_fops = { .write = kread_write };

static ssize_t many_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	char buf[256];
	long a1, a11;
	int a2, a3, a4, a6, a7, a8, a9, a10;
	unsigned int a5;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%ld %d %d %d %u %d %d %d %d %d %ld", &a1, &a2, &a3, &a4, &a5, &a6, &a7,
		   &a8, &a9, &a10, &a11) != 11)
		return -EINVAL;
	trace_kp_target_hit(a2, "many");
	pr_info("kp_target: many returned %ld\n",
		kp_target_many(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11));
	return len;
}

static ssize_t errptr_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	int err;

	if (kstrtoint_from_user(ubuf, len, 10, &err))
		return -EINVAL;
	/* no line: the stress workload writes this file in a loop */
	kp_target_errptr(err);
	return len;
}

static ssize_t repeat_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	int i, n;

	if (kstrtoint_from_user(ubuf, len, 10, &n) || n < 0 || n > 10000000)
		return -EINVAL;
	for (i = 1; i <= n; i++) {
		kp_target_value(i);
		trace_kp_target_hit(i, "repeat");
	}
	/* no line: the stress workload writes this file in a loop */
	return len;
}

static const struct file_operations repeat_fops = { .write = repeat_write };

static ssize_t out_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	int i, n;

	if (kstrtoint_from_user(ubuf, len, 10, &n) || n < 0 || n > 100)
		return -EINVAL;
	for (i = 1; i <= n; i++)
		kp_target_out(i);
	/* what kp_target_out passed, as the kernel prints it */
	pr_info("kp_target: out ptr=%p raw=%px fn=%pS\n", &kp_target_object, &kp_target_object,
		kp_target_value);
	return len;
}

static const struct file_operations out_fops = { .write = out_write };

static ssize_t linger_write(struct file *f, const char __user *ubuf, size_t len, loff_t *off)
{
	int i, n;

	if (kstrtoint_from_user(ubuf, len, 10, &n) || n < 0 || n > 1000000)
		return -EINVAL;
	for (i = 0; i < n; i++)
		trace_kp_target_linger(&kp_target_linger_state);
	return len;
}

static const struct file_operations linger_fops = { .write = linger_write };

static void tp_probes_show_one(struct seq_file *m, struct tracepoint *tp)
{
	struct tracepoint_func *f;

	rcu_read_lock_sched();
	f = rcu_dereference_sched(tp->funcs);
	for (; f && f->func; f++)
		seq_printf(m, "%s %pS\n", tp->name, f->func);
	rcu_read_unlock_sched();
}

static void tp_probes_find(struct tracepoint *tp, void *priv)
{
	if (!strcmp(tp->name, "signal_generate"))
		*(struct tracepoint **)priv = tp;
}

static int tp_probes_show(struct seq_file *m, void *v)
{
	struct tracepoint *signal_tp = NULL;

	tp_probes_show_one(m, &__tracepoint_kp_target_hit);
	tp_probes_show_one(m, &__tracepoint_kp_target_linger);
	tp_probes_show_one(m, &__tracepoint_kp_target_chain);
	for_each_kernel_tracepoint(tp_probes_find, &signal_tp);
	if (signal_tp)
		tp_probes_show_one(m, signal_tp);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(tp_probes);
static const struct file_operations many_fops = { .write = many_write };
static const struct file_operations errptr_fops = { .write = errptr_write };

static int __init kp_target_init(void)
{
	kp_target_guarded = vmalloc(PAGE_SIZE);
	if (!kp_target_guarded)
		return -ENOMEM;
	kp_target_dir = debugfs_create_dir("kp_target", NULL);
	debugfs_create_file("chain", 0200, kp_target_dir, NULL, &chain_fops);
	debugfs_create_file("kread", 0200, kp_target_dir, NULL, &kread_fops);
	debugfs_create_file("many", 0200, kp_target_dir, NULL, &many_fops);
	debugfs_create_file("errptr", 0200, kp_target_dir, NULL, &errptr_fops);
	debugfs_create_file("repeat", 0200, kp_target_dir, NULL, &repeat_fops);
	debugfs_create_file("out", 0200, kp_target_dir, NULL, &out_fops);
	debugfs_create_file("tp_probes", 0400, kp_target_dir, NULL, &tp_probes_fops);
	debugfs_create_file("linger", 0200, kp_target_dir, NULL, &linger_fops);
	debugfs_create_atomic_t("late", 0400, kp_target_dir, &kp_target_late);
	debugfs_create_atomic_t("linger_runs", 0400, kp_target_dir, &kp_target_linger_state.runs);
	register_module_notifier(&kp_target_module_nb);
	if (register_trace_kp_target_linger(kp_target_linger_keep, NULL))
		goto fail;
	if (register_trace_kp_target_linger(kp_target_linger_keep, &kp_target_late)) {
		unregister_trace_kp_target_linger(kp_target_linger_keep, NULL);
		goto fail;
	}
	return 0;
fail:
	unregister_module_notifier(&kp_target_module_nb);
	debugfs_remove_recursive(kp_target_dir);
	vfree(kp_target_guarded);
	return -EINVAL;
}

static void __exit kp_target_exit(void)
{
	unregister_trace_kp_target_linger(kp_target_linger_keep, &kp_target_late);
	unregister_trace_kp_target_linger(kp_target_linger_keep, NULL);
	tracepoint_synchronize_unregister();
	unregister_module_notifier(&kp_target_module_nb);
	debugfs_remove_recursive(kp_target_dir);
	vfree(kp_target_guarded);
}

module_init(kp_target_init);
module_exit(kp_target_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kprobe-template test bench: functions with known arguments");
