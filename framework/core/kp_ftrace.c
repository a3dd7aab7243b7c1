// SPDX-License-Identifier: GPL-2.0
/*
 * Entry probes on ftrace (KP_KIND_FENTRY): every such probe of the module
 * shares ONE ftrace_ops, attached in ONE filter update, and ONE callback
 * that finds the probe by the traced ip and calls its thunk with the ftrace
 * register view.
 *
 * - Address: each symbol is resolved at load by registering a disarmed
 *   kprobe on it (kallsyms_lookup_name is not exported; a disarmed kprobe
 *   writes no breakpoint), all of them taken off in one
 *   unregister_kprobes() batch.  A symbol that is not there, or that
 *   kprobes refuse (blacklist), fails like a kprobe would (kp::Optional
 *   skips it).
 * - Attach: kp_ftrace_add() only collects; kp_ftrace_commit(), after the
 *   whole registry walked, sorts the table, sets the filter to all the
 *   addresses with one ftrace_set_filter_ips() and registers the ops: one
 *   code-patching pass for all probes.  Never with an empty filter (that
 *   would trace every function).
 * - Dispatch: the table is sorted by function address; the callback's ip
 *   is the ftrace call site, at most KP_FTRACE_SITE_MAX bytes into the
 *   function (x86_64: +0, +4 after endbr64; arm64: +4, +8 after BTI), so a
 *   binary search for the last function at or below ip finds the probe.
 * - Recursion: the kernel's ftrace_test_recursion_trylock() (which also
 *   disables preemption) around the dispatch; a recursive hit is counted
 *   as missed.  The ops does not ask ftrace for its own guard
 *   (FTRACE_OPS_FL_RECURSION): the trampoline calls us directly.
 * - Registers: with DYNAMIC_FTRACE_WITH_ARGS the view is the ftrace_regs
 *   itself (6.12: arch_ftrace_regs()); with only WITH_REGS (arm64 6.1) the
 *   ops asks for FTRACE_OPS_FL_SAVE_REGS and the view is ftrace_get_regs().
 *   Either way its layout is arch/<arch>/'s KP_NATIVE_FTRACE_TABLE,
 *   asserted in kp_layout.c.
 * - Disable/enable (control file): a per-probe flag the callback tests;
 *   the function stays in the filter (removing the last one would leave an
 *   empty filter, i.e. every function).  The control path's sync
 *   (synchronize_rcu) then waits for running handlers: the callback runs
 *   with preemption disabled.
 * - Unload: unregister_ftrace_function() of a module's (dynamic) ops waits
 *   itself for every callback in flight: ftrace_shutdown() calls
 *   synchronize_rcu_tasks_rude() and, on preemptible kernels,
 *   synchronize_rcu_tasks() (kernel/trace/ftrace.c, 6.1 and 6.12), so no
 *   handler runs when kp_ftrace_sync() returns.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ftrace.h>
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/trace_recursion.h>
#include <linux/version.h>

#include "../../arch/kp_arch.h"
#include "../kp_abi.h"
#include "kp_ftrace.h"

#define KP_FTRACE_SITE_MAX 16

struct kp_fentry {
	unsigned long addr;	  /* the function's address */
	kp_fentry_handler_t *fn;  /* the probe's thunk */
	unsigned long missed;	  /* recursive hits not handled */
	unsigned int idx;	  /* registry index */
	int live;		  /* enabled (the control file) */
};

static struct kp_fentry *kp_fentries;	/* sorted by addr once committed */
static unsigned int kp_nfentries, kp_fentries_cap;
static struct kprobe *kp_fentry_kps;	/* the address look-ups, one per probe */
static struct kprobe **kp_fentry_kpp;
static bool kp_ops_live;
static bool kp_lookups_live; /* kp_fentry_kpp[0..kp_nfentries) are registered */

static void notrace kp_ftrace_callback(unsigned long ip, unsigned long parent_ip,
				       struct ftrace_ops *op, struct ftrace_regs *fregs);

static struct ftrace_ops kp_ops = {
	.func = kp_ftrace_callback,
#if !KP_FTRACE_WITH_ARGS
	.flags = FTRACE_OPS_FL_SAVE_REGS,
#endif
};

static void *notrace kp_ftrace_view(struct ftrace_regs *fregs)
{
#if !KP_FTRACE_WITH_ARGS
	return ftrace_get_regs(fregs);
#elif defined(arch_ftrace_regs)
	return arch_ftrace_regs(fregs);
#else
	return fregs;
#endif
}

static struct kp_fentry *notrace kp_fentry_find(unsigned long ip)
{
	unsigned int lo = 0, hi = kp_nfentries;

	while (lo < hi) { /* the first entry above ip */
		unsigned int mid = lo + (hi - lo) / 2;

		if (kp_fentries[mid].addr <= ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || ip - kp_fentries[lo - 1].addr >= KP_FTRACE_SITE_MAX)
		return NULL;
	return &kp_fentries[lo - 1];
}

static void notrace kp_ftrace_callback(unsigned long ip, unsigned long parent_ip,
				       struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct kp_fentry *e = kp_fentry_find(ip);
	void *regs;
	int bit;

	if (unlikely(!e))
		return;
	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (unlikely(bit < 0)) {
		e->missed++; /* approximate: not atomic, like kprobe's nmissed */
		return;
	}
	regs = kp_ftrace_view(fregs);
	if (likely(READ_ONCE(e->live) && regs))
		e->fn(ip, regs);
	ftrace_test_recursion_unlock(bit);
}

int kp_ftrace_prepare(unsigned int n)
{
	kp_fentries_cap = n;
	if (!n)
		return 0;
	kp_fentries = kcalloc(n, sizeof(*kp_fentries), GFP_KERNEL);
	kp_fentry_kps = kcalloc(n, sizeof(*kp_fentry_kps), GFP_KERNEL);
	kp_fentry_kpp = kcalloc(n, sizeof(*kp_fentry_kpp), GFP_KERNEL);
	if (!kp_fentries || !kp_fentry_kps || !kp_fentry_kpp) {
		kp_ftrace_free();
		return -ENOMEM;
	}
	return 0;
}

void kp_ftrace_free(void)
{
	kfree(kp_fentries);
	kfree(kp_fentry_kps);
	kfree(kp_fentry_kpp);
	kp_fentries = NULL;
	kp_fentry_kps = NULL;
	kp_fentry_kpp = NULL;
	kp_nfentries = kp_fentries_cap = 0;
}

int kp_ftrace_add(const struct kp_probe_desc *d, unsigned int idx, int off, unsigned long *addr)
{
	struct kprobe *k;
	struct kp_fentry *e;
	int err;

	if (kp_ops_live || kp_nfentries >= kp_fentries_cap)
		return -EBUSY;
	k = &kp_fentry_kps[kp_nfentries];
	memset(k, 0, sizeof(*k));
	k->symbol_name = d->symbol;
	k->flags = KPROBE_FLAG_DISABLED;
	err = register_kprobe(k);
	if (err)
		return err;
	kp_fentry_kpp[kp_nfentries] = k;
	kp_lookups_live = true;
	e = &kp_fentries[kp_nfentries++];
	/* x86_64 IBT: after the endbr64, where the ftrace call site is */
	e->addr = (unsigned long)k->addr;
	e->fn = d->fentry;
	e->idx = idx;
	e->live = !off;
	e->missed = 0;
	*addr = e->addr;
	return 0;
}

static int kp_fentry_cmp(const void *a, const void *b)
{
	const struct kp_fentry *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

int kp_ftrace_commit(void)
{
	unsigned long *ips;
	unsigned int i;
	int err;

	/* the address look-ups off, one grace period for all */
	if (kp_lookups_live)
		unregister_kprobes(kp_fentry_kpp, kp_nfentries);
	kp_lookups_live = false;
	if (!kp_nfentries)
		return 0;
	sort(kp_fentries, kp_nfentries, sizeof(*kp_fentries), kp_fentry_cmp, NULL);
	for (i = 1; i < kp_nfentries; i++)
		if (kp_fentries[i].addr == kp_fentries[i - 1].addr) {
			pr_err("fentry: two entry probes on %ps: declare one probe with one handler\n",
			       (void *)kp_fentries[i].addr);
			return -EEXIST;
		}
	ips = kcalloc(kp_nfentries, sizeof(*ips), GFP_KERNEL);
	if (!ips)
		return -ENOMEM;
	for (i = 0; i < kp_nfentries; i++)
		ips[i] = kp_fentries[i].addr;
	err = ftrace_set_filter_ips(&kp_ops, ips, kp_nfentries, 0, 1);
	kfree(ips);
	if (!err)
		err = register_ftrace_function(&kp_ops);
	if (err) {
		pr_err("fentry: attaching %u entry probes failed: %pe\n", kp_nfentries, ERR_PTR(err));
		ftrace_free_filter(&kp_ops);
		return err;
	}
	kp_ops_live = true;
	return 0;
}

static struct kp_fentry *kp_fentry_by_idx(unsigned int idx)
{
	unsigned int i;

	for (i = 0; i < kp_nfentries; i++)
		if (kp_fentries[i].idx == idx)
			return &kp_fentries[i];
	return NULL;
}

void kp_ftrace_set_enabled(unsigned int idx, int on)
{
	struct kp_fentry *e = kp_fentry_by_idx(idx);

	if (e)
		WRITE_ONCE(e->live, on);
}

int kp_ftrace_status(unsigned int idx, unsigned long *addr, unsigned long *missed)
{
	struct kp_fentry *e = kp_fentry_by_idx(idx);

	if (!e)
		return -ENOENT;
	*addr = e->addr;
	*missed = READ_ONCE(e->missed);
	return 0;
}

void kp_ftrace_sync(void)
{
	if (kp_ops_live) {
		/* waits for every callback in flight (see the head of this file) */
		unregister_ftrace_function(&kp_ops);
		ftrace_free_filter(&kp_ops);
		kp_ops_live = false;
	} else if (kp_lookups_live) {
		/* a rollback before the commit: only the address look-ups to take off */
		unregister_kprobes(kp_fentry_kpp, kp_nfentries);
	}
	kp_lookups_live = false;
	kp_nfentries = 0;
}
