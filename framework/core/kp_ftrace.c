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
 * - Dispatch: the table has one entry per traced function, sorted by the
 *   function's start; the callback's ip is the ftrace call site, at most
 *   KP_FTRACE_SITE_MAX bytes into the function (x86_64: +0, +4 after
 *   endbr64; arm64: +4, +8 after BTI), so a binary search for the last
 *   function at or below ip finds the entry, and the entry its probe.
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
 * - Patterns (kp::FentryMatch, KP_F_PATTERN): the kernel's own matching.
 *   ftrace_set_filter(pattern, reset) on a scratch ops that is never
 *   registered (kp_match_ops) fills its filter hash with the call site of
 *   every function in available_filter_functions the glob matches, under
 *   ftrace's locks; the count and the sites are read from that hash before
 *   anything attaches, so a pattern matching nothing (-ENOENT) or more than
 *   its limit (-E2BIG) fails like a missing symbol, one line naming the
 *   probe, the pattern and the count.  struct ftrace_hash is private
 *   (kernel/trace/trace.h): its size_bits, buckets and count offsets come
 *   from the target's BTF at build time (tools/kp-btf offsets ->
 *   generated/kp_core_btf.h, sizes asserted below; the entries are the
 *   public struct ftrace_func_entry); without BTF a pattern probe fails
 *   with -EOPNOTSUPP.  The sites then join the named probes' addresses in
 *   the one ftrace_set_filter_ips() of kp_ftrace_commit(): one filter
 *   update and one code-patching pass for everything.
 *   "Minus the blacklist": a named kp::Fentry is resolved with a disarmed
 *   kprobe, so the kprobe blacklist (NOKPROBE_SYMBOL, the kprobes
 *   section, /sys/kernel/debug/kprobes/blacklist) refuses it.  A pattern
 *   is not checked against that list (within_kprobe_blacklist is not
 *   exported, and a disarmed kprobe per function would cost what patterns
 *   save): it is exactly ftrace's set, which already leaves out notrace
 *   and noinstr functions, inlined ones and what ftrace refuses.  The
 *   kprobe blacklist exists for breakpoint recursion (int3/BRK handling);
 *   an ftrace callback has no breakpoint, and a function the handler
 *   itself calls (this module's too, for a wide pattern) is a recursive
 *   hit the ftrace recursion guard turns into "missed".
 * - Function start: a pattern handler gets the function's start (%pS
 *   "name+0x0"), which is not the call site (x86_64: after endbr64;
 *   arm64: after the patched NOPs, BTI, 6.12's pre-function NOPs).  It is
 *   the site minus its offset in its symbol, from sprint_symbol() once per
 *   function at load (kallsyms_lookup_size_offset is not exported); every
 *   entry, named or matched, is keyed by that start.
 * - Unload: unregister_ftrace_function() of a module's (dynamic) ops waits
 *   itself for every callback in flight: ftrace_shutdown() calls
 *   synchronize_rcu_tasks_rude() and, on preemptible kernels,
 *   synchronize_rcu_tasks() (kernel/trace/ftrace.c, 6.1 and 6.12), so no
 *   handler runs when kp_ftrace_sync() returns.
 */

#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/mm.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/trace_recursion.h>
#include <linux/version.h>

#include "../../arch/kp_arch.h"
#include "../kp_abi.h"
#include "kp_core.h"
#include "kp_ftrace.h"
/* struct ftrace_hash's field offsets from the target's BTF (Kbuild: tools/kp-btf offsets) */
#include "generated/kp_core_btf.h"

#define KP_FTRACE_SITE_MAX 16

#if defined(KP_FTRACE_HASH_BITS_OFFSET) && defined(KP_FTRACE_HASH_BUCKETS_OFFSET) && \
	defined(KP_FTRACE_HASH_COUNT_OFFSET)
#define KP_FTRACE_HASH_KNOWN 1
static_assert(KP_FTRACE_HASH_BITS_SIZE == sizeof(unsigned long) &&
		      KP_FTRACE_HASH_BUCKETS_SIZE == sizeof(struct hlist_head *) &&
		      KP_FTRACE_HASH_COUNT_SIZE == sizeof(unsigned long),
	      "BTF: struct ftrace_hash's size_bits, buckets and count are not the unsigned long, "
	      "struct hlist_head * and unsigned long kp_ftrace.c reads");
#else
#define KP_FTRACE_HASH_KNOWN 0
#endif

struct kp_fprobe {		  /* one per entry probe: a function, or a pattern's functions */
	unsigned long missed;	  /* recursive hits not handled */
	unsigned int idx;	  /* registry index */
	unsigned int nfuncs;	  /* the functions it is attached to */
	int live;		  /* enabled (the control file) */
};

struct kp_fentry {		  /* one per traced function */
	unsigned long func;	  /* the function's start */
	kp_fentry_handler_t *fn;  /* its probe's thunk */
	struct kp_fprobe *p;
};

static struct kp_fprobe *kp_fprobes;	/* one per KP_KIND_FENTRY descriptor */
static unsigned int kp_nfprobes, kp_fprobes_cap;
static struct kp_fentry *kp_fentries;	/* sorted by func once committed */
static unsigned long *kp_fentry_ips;	/* what ftrace_set_filter_ips() gets, one per entry */
static unsigned int kp_nfentries, kp_fentries_cap;
static struct kprobe *kp_fentry_kps;	/* the named probes' address look-ups */
static struct kprobe **kp_fentry_kpp;
static unsigned int kp_nlookups;
static bool kp_ops_live;
static bool kp_lookups_live; /* kp_fentry_kpp[0..kp_nlookups) are registered */
static bool kp_match_used;   /* kp_match_ops has a filter hash to free */

static void notrace kp_ftrace_callback(unsigned long ip, unsigned long parent_ip,
				       struct ftrace_ops *op, struct ftrace_regs *fregs);

static struct ftrace_ops kp_ops = {
	.func = kp_ftrace_callback,
#if !KP_FTRACE_WITH_ARGS
	.flags = FTRACE_OPS_FL_SAVE_REGS,
#endif
};

/* Never registered: ftrace_set_filter() matches a pattern into its filter hash. */
static struct ftrace_ops kp_match_ops;

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

		if (kp_fentries[mid].func <= ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || ip - kp_fentries[lo - 1].func >= KP_FTRACE_SITE_MAX)
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
		e->p->missed++; /* approximate: not atomic, like kprobe's nmissed */
		return;
	}
	regs = kp_ftrace_view(fregs);
	if (likely(READ_ONCE(e->p->live) && regs))
		e->fn(e->func, regs);
	ftrace_test_recursion_unlock(bit);
}

int kp_ftrace_prepare(unsigned int n)
{
	kp_fprobes_cap = n;
	if (!n)
		return 0;
	kp_fprobes = kcalloc(n, sizeof(*kp_fprobes), GFP_KERNEL);
	kp_fentry_kps = kcalloc(n, sizeof(*kp_fentry_kps), GFP_KERNEL);
	kp_fentry_kpp = kcalloc(n, sizeof(*kp_fentry_kpp), GFP_KERNEL);
	if (!kp_fprobes || !kp_fentry_kps || !kp_fentry_kpp) {
		kp_ftrace_free();
		return -ENOMEM;
	}
	return 0;
}

static void kp_match_free(void)
{
	if (kp_match_used)
		ftrace_free_filter(&kp_match_ops);
	kp_match_used = false;
}

void kp_ftrace_free(void)
{
	kp_match_free();
	kfree(kp_fprobes);
	kvfree(kp_fentries);
	kvfree(kp_fentry_ips);
	kfree(kp_fentry_kps);
	kfree(kp_fentry_kpp);
	kp_fprobes = NULL;
	kp_fentries = NULL;
	kp_fentry_ips = NULL;
	kp_fentry_kps = NULL;
	kp_fentry_kpp = NULL;
	kp_nfprobes = kp_fprobes_cap = kp_nfentries = kp_fentries_cap = kp_nlookups = 0;
}

/* Room for n more entries (at load: GFP_KERNEL, the table not live yet). */
static int kp_fentry_reserve(unsigned int n)
{
	unsigned int cap = kp_fentries_cap ? kp_fentries_cap : 16;
	struct kp_fentry *t;
	unsigned long *ips;

	if (kp_nfentries + n <= kp_fentries_cap)
		return 0;
	while (cap < kp_nfentries + n)
		cap *= 2;
	t = kvmalloc_array(cap, sizeof(*t), GFP_KERNEL);
	ips = kvmalloc_array(cap, sizeof(*ips), GFP_KERNEL);
	if (!t || !ips) {
		kvfree(t);
		kvfree(ips);
		return -ENOMEM;
	}
	if (kp_nfentries) {
		memcpy(t, kp_fentries, kp_nfentries * sizeof(*t));
		memcpy(ips, kp_fentry_ips, kp_nfentries * sizeof(*ips));
	}
	kvfree(kp_fentries);
	kvfree(kp_fentry_ips);
	kp_fentries = t;
	kp_fentry_ips = ips;
	kp_fentries_cap = cap;
	return 0;
}

/* Under module init (serialised): sprint_symbol's room. */
static char kp_symbuf[KSYM_SYMBOL_LEN];

/* The start of the function whose ftrace site (or kprobe address) at is. */
static unsigned long kp_func_start(unsigned long at)
{
	unsigned long off;

	sprint_symbol(kp_symbuf, at);
	if (kp_sym_offset(kp_symbuf, &off) || off >= KP_FTRACE_SITE_MAX)
		return at;
	return at - off;
}

static void kp_fentry_push(struct kp_fprobe *p, kp_fentry_handler_t *fn, unsigned long at)
{
	struct kp_fentry *e = &kp_fentries[kp_nfentries];

	e->func = kp_func_start(at);
	e->fn = fn;
	e->p = p;
	kp_fentry_ips[kp_nfentries++] = at;
	p->nfuncs++;
}

/* A named probe: its address from a disarmed kprobe (see the head of this file). */
static int kp_ftrace_add_named(const struct kp_probe_desc *d, struct kp_fprobe *p)
{
	struct kprobe *k = &kp_fentry_kps[kp_nlookups];
	int err = kp_fentry_reserve(1);

	if (err)
		return err;
	memset(k, 0, sizeof(*k));
	k->symbol_name = d->symbol;
	k->flags = KPROBE_FLAG_DISABLED;
	err = register_kprobe(k);
	if (err)
		return err;
	kp_fentry_kpp[kp_nlookups++] = k;
	kp_lookups_live = true;
	/* x86_64 IBT: after the endbr64, where the ftrace call site is */
	kp_fentry_push(p, d->fentry, (unsigned long)k->addr);
	return 0;
}

/* A pattern: every function ftrace matches, read from kp_match_ops's filter hash. */
static int kp_ftrace_add_pattern(const struct kp_probe_desc *d, struct kp_fprobe *p, char *why,
				 size_t size)
{
#if KP_FTRACE_HASH_KNOWN
	const char *hash;
	struct hlist_head *buckets;
	struct ftrace_func_entry *ent;
	unsigned long bits, count, i, seen = 0;
	char *pat;
	int err;

	/* ftrace's parser writes into the pattern: a copy */
	pat = kstrdup(d->symbol, GFP_KERNEL);
	if (!pat)
		return -ENOMEM;
	/* reset: this pattern's matches only (the hash before it is freed by ftrace) */
	err = ftrace_set_filter(&kp_match_ops, pat, strlen(pat), 1);
	kfree(pat);
	kp_match_used = true;
	if (err == -EINVAL) { /* ftrace_set_hash: nothing matched */
		snprintf(why, size, "no function matches");
		return -ENOENT;
	}
	if (err) {
		snprintf(why, size, "ftrace_set_filter() failed");
		return err;
	}
	hash = (const char *)rcu_dereference_protected(kp_match_ops.func_hash->filter_hash, 1);
	count = *(const unsigned long *)(hash + KP_FTRACE_HASH_COUNT_OFFSET);
	if (count > d->max_funcs) {
		snprintf(why, size, "%lu functions match, above the limit of %u (kp::MaxMatches<N>)",
			 count, d->max_funcs);
		return -E2BIG;
	}
	err = kp_fentry_reserve(count);
	if (err)
		return err;
	bits = *(const unsigned long *)(hash + KP_FTRACE_HASH_BITS_OFFSET);
	buckets = *(struct hlist_head *const *)(hash + KP_FTRACE_HASH_BUCKETS_OFFSET);
	for (i = 0; bits < BITS_PER_LONG && i < 1UL << bits; i++)
		hlist_for_each_entry(ent, &buckets[i], hlist) {
			if (++seen > count)
				break;
			kp_fentry_push(p, d->fentry, ent->ip);
		}
	if (seen != count) { /* cannot happen with the BTF offsets; never attach on a guess */
		kp_nfentries -= p->nfuncs;
		p->nfuncs = 0;
		snprintf(why, size, "the filter hash holds %lu functions, its count says %lu",
			 seen, count);
		return -EIO;
	}
	return 0;
#else
	snprintf(why, size, "built without the target kernel's BTF (KP_BTF=FILE): "
			    "struct ftrace_hash's layout is unknown");
	return -EOPNOTSUPP;
#endif
}

int kp_ftrace_add(const struct kp_probe_desc *d, unsigned int idx, int off, unsigned long *addr,
		  unsigned int *nfuncs, char *why, size_t size)
{
	struct kp_fprobe *p;
	int err;

	if (kp_ops_live || kp_nfprobes >= kp_fprobes_cap)
		return -EBUSY;
	p = &kp_fprobes[kp_nfprobes];
	memset(p, 0, sizeof(*p));
	p->idx = idx;
	p->live = !off;
	why[0] = 0;
	if (d->flags & KP_F_PATTERN)
		err = kp_ftrace_add_pattern(d, p, why, size);
	else
		err = kp_ftrace_add_named(d, p);
	if (err)
		return err;
	kp_nfprobes++;
	*addr = kp_fentries[kp_nfentries - 1].func;
	*nfuncs = p->nfuncs;
	return 0;
}

static int kp_fentry_cmp(const void *a, const void *b)
{
	const struct kp_fentry *x = a, *y = b;

	return x->func < y->func ? -1 : x->func > y->func;
}

int kp_ftrace_commit(void)
{
	unsigned int i;
	int err;

	/* the address look-ups off, one grace period for all */
	if (kp_lookups_live)
		unregister_kprobes(kp_fentry_kpp, kp_nlookups);
	kp_lookups_live = false;
	kp_match_free();
	if (!kp_nfentries)
		return 0;
	sort(kp_fentries, kp_nfentries, sizeof(*kp_fentries), kp_fentry_cmp, NULL);
	for (i = 1; i < kp_nfentries; i++)
		if (kp_fentries[i].func == kp_fentries[i - 1].func) {
			/* the two probes in registration order (the sort is not stable) */
			const struct kp_fprobe *a = kp_fentries[i - 1].p, *b = kp_fentries[i].p;

			if (a > b)
				swap(a, b);
			kp_err("fentry: %ps is in two entry probes, %s and %s: -EEXIST (a function "
			       "has at most one entry probe per module)\n",
			       (void *)kp_fentries[i].func,
			       kp_registry_name(&kp_module_registry, a->idx),
			       kp_registry_name(&kp_module_registry, b->idx));
			return -EEXIST;
		}
	/* every function, named or matched, in one filter update */
	err = ftrace_set_filter_ips(&kp_ops, kp_fentry_ips, kp_nfentries, 0, 1);
	if (!err)
		err = register_ftrace_function(&kp_ops);
	if (err) {
		kp_err("fentry: attaching %u functions failed: %pe\n", kp_nfentries, ERR_PTR(err));
		ftrace_free_filter(&kp_ops);
		return err;
	}
	kp_ops_live = true;
	return 0;
}

static struct kp_fprobe *kp_fprobe_by_idx(unsigned int idx)
{
	unsigned int i;

	for (i = 0; i < kp_nfprobes; i++)
		if (kp_fprobes[i].idx == idx)
			return &kp_fprobes[i];
	return NULL;
}

void kp_ftrace_set_enabled(unsigned int idx, int on)
{
	struct kp_fprobe *p = kp_fprobe_by_idx(idx);

	if (p)
		WRITE_ONCE(p->live, on);
}

int kp_ftrace_status(unsigned int idx, unsigned long *addr, unsigned long *missed,
		     unsigned int *nfuncs)
{
	struct kp_fprobe *p = kp_fprobe_by_idx(idx);
	unsigned int i;

	if (!p)
		return -ENOENT;
	*addr = 0;
	for (i = 0; i < kp_nfentries; i++)
		if (kp_fentries[i].p == p) {
			*addr = kp_fentries[i].func;
			break;
		}
	*missed = READ_ONCE(p->missed);
	*nfuncs = p->nfuncs;
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
		unregister_kprobes(kp_fentry_kpp, kp_nlookups);
	}
	kp_lookups_live = false;
	kp_match_free();
	kp_nfentries = kp_nfprobes = kp_nlookups = 0;
}
