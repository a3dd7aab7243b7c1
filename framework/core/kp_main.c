// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel core: module init/exit and the registry backend.  Together
 * with kp_helpers.c this is the only code that includes kernel headers.
 */

#include <linux/err.h>
#include <linux/fprobe.h>
#include <linux/glob.h>
#include <linux/kallsyms.h>
#include <linux/kprobes.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/timer.h>
#include <linux/tracepoint.h>
#include <linux/version.h>

#include "../kp_abi.h"
#include "kp_control.h"
#include "kp_core.h"
#include "kp_ftrace.h"
#include "kp_registry.h"

static char *disabled;
module_param(disabled, charp, 0444);
MODULE_PARM_DESC(disabled, "probes registered disabled: comma-separated names or shell patterns");
static char *excluded;
module_param(excluded, charp, 0444);
MODULE_PARM_DESC(excluded, "probes not registered at all: comma-separated names or shell patterns");
static bool all_optional;
module_param(all_optional, bool, 0444);
MODULE_PARM_DESC(all_optional, "every probe optional: one that cannot attach is skipped");
#define KP_LINES_MAX 64
static bool all_lines;
module_param(all_lines, bool, 0444);
MODULE_PARM_DESC(all_lines, "a register and an unregister line for every probe also above "
		 __stringify(KP_LINES_MAX) " probes");

/*
 * The seed's "<kind> register at <symbol>+0x0/0x210" line for every probe,
 * up to KP_LINES_MAX probes; above, one summary line at load and one at
 * unload (every probe is in the status file), unless all_lines=1.  Each
 * %pS line costs a symbol lookup: 1,000 of them were about a tenth of a
 * 1,000-probe module's load time (BENCHMARKS.md).  Failures, skips and
 * missed counts are always printed.
 */
static bool kp_each_line(void)
{
	return all_lines || kp_module_registry.count <= KP_LINES_MAX;
}

/*
 * kretprobe instances when the declaration gives none: SystemTap's
 * KRETACTIVE, max(15, 6 * possible CPUs).  An instance is held from entry
 * to return, so a function that sleeps holds one per sleeping task; the
 * kernel's own default, max(10, 2 * possible CPUs), is sized for functions
 * that do not.  The cost: the instances (maxactive * (the kernel's instance
 * + data_size) bytes), and from 6.7 (rethook on objpool) a ring of
 * roundup_pow_of_two(maxactive) pointers on every possible CPU: 4 MiB per
 * kretprobe at 256 CPUs (the kernel's default: 1 MiB).  kp::MaxActive<N>
 * sets it per probe.
 */
static int kp_default_maxactive(void)
{
	return max_t(int, 15, 6 * num_possible_cpus());
}

/*
 * Our own reference on a kretprobe's instance holder, on the kernels whose
 * kretprobes keep their instances on a freelist (5.11 to 6.6 without
 * CONFIG_KRETPROBE_ON_RETHOOK: Debian's arm64 6.1).  There the holder
 * (struct kretprobe_holder, kzalloc'ed by register_kretprobe) is counted
 * only by the instances, and unregister_kretprobes() ends with
 * free_rp_inst(rp) (kernel/kprobes.c):
 *	count = the instances on rp's freelist, each kfree'd;
 *	if (refcount_sub_and_test(count, &rp->rph->ref)) kfree(rp->rph);
 * An instance in flight when the kretprobe went (its task inside the probed
 * function) is freed instead by an RCU callback when its function returns,
 * free_rp_inst_rcu(): refcount_dec_and_test(&ri->rph->ref), kfree(rph) at
 * zero.  When every instance is in flight at the unregister (count 0: one
 * task sleeping in a function whose kretprobe has maxactive 1 is enough)
 * and they all return and their callbacks run before free_rp_inst() (the
 * callbacks queued before synchronize_rcu()'s own complete in the same
 * grace period), the callbacks free the holder and free_rp_inst() then does
 * refcount_sub_and_test(0, ...) on the freed holder, whose count still
 * reads 0 (SLUB keeps its free pointer mid-object, not there), which is
 * true: kfree(rph) a second time.  The double free corrupts the slab
 * freelist (kmalloc-128 on arm64 6.1): an oops in __kmem_cache_alloc_node
 * at a later insmod or fork.  (slub_debug=FZU reports it as "Object
 * already free", allocated in register_kretprobe, freed in
 * free_rp_inst_rcu, freed again from unregister_kretprobes; with the P
 * flag the freed count reads 0x6b6b6b6b and nothing happens.)  From 6.7
 * the instances live in an objpool
 * whose holder keeps a reference of its own until the kretprobe is
 * unregistered (objpool_fini): that is what this reference restores, taken
 * after register_kretprobe() (the holder is alive: its instances hold it)
 * and dropped after unregister_kretprobes() returned, the last of it and
 * the in-flight instances' callbacks freeing the holder.
 */
#if defined(CONFIG_KRETPROBES) && !defined(CONFIG_KRETPROBE_ON_RETHOOK) && \
	LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0) && LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
#define KP_KRETPROBE_HOLDER_REF 1
#endif

/* Bracketing markers: kp_begin.o is linked first, kp_end.o last. */
extern const struct kp_probe_desc *const __kp_probes_begin[];
extern const struct kp_probe_desc *const __kp_probes_end[];

/* The kernel objects of each probe, indexed like the registry. */
union kp_slot {
	struct kprobe kp;
	struct {
		struct kretprobe krp;
		void *krp_holder; /* KP_KRETPROBE_HOLDER_REF: the holder we hold a reference on */
	};
#if KP_FEXIT_ON_FPROBE
	/* kp::Fexit on an fprobe (kp_core.h); on other kernels it is a kretprobe (krp) */
	struct {
		struct fprobe fp;
		void *addr; /* where a kprobe would be: the status file's address */
	} fx;
#endif
	struct {
		struct tracepoint *tp;
		struct module *owner; /* a loaded module's tracepoint: held while registered */
		bool live;	      /* the probe function is on the tracepoint (enabled) */
	} tp;
	struct {
		struct timer_list timer;
		const struct kp_probe_desc *d;
		unsigned long period;	/* jiffies */
		unsigned long missed;	/* periods skipped: the timer ran more than a period late */
		bool live;		/* armed (enabled) */
	} iv;
};

static union kp_slot *kp_slots;
/* two words per probe, indexed like the registry: its hits and its busy word (kp_abi.h) */
static unsigned long __percpu *kp_hits;
struct kp_registry kp_module_registry = {
	.begin = __kp_probes_begin,
	.end = __kp_probes_end,
};

static unsigned int kp_want(unsigned int idx)
{
	return kp_module_registry.rt ? kp_module_registry.rt[idx].want : 0;
}

void kp_backend_report_invalid(const struct kp_probe_desc *d, const char *why,
			       const struct kp_probe_desc *other)
{
	if (!d) {
		kp_err("registry: %s\n", why);
		return;
	}
	if (other)
		kp_err("%s %s+0x%lx (%s:%u): %s (first at %s:%u)\n", kp_kind_name(d->kind),
		       d->symbol, d->offset, d->file, d->line, why, other->file, other->line);
	else
		kp_err("%s %s (%s:%u): %s\n", kp_kind_name(d->kind), d->symbol ? d->symbol : "?",
		       d->file, d->line, why);
}

struct kp_tp_lookup {
	const char *name;
	struct tracepoint *tp;
	struct module *owner;
};

/*
 * A tracepoint probe's __data: its hit counter (kp_abi.h), set before the
 * probe is first registered and never changed; NULL without a state.
 */
static void *kp_tp_data(const struct kp_probe_desc *d)
{
	return d->state ? (void *)d->state->hits : NULL;
}

static void kp_tp_match(struct tracepoint *tp, void *priv)
{
	struct kp_tp_lookup *l = priv;

	if (!l->tp && !strcmp(tp->name, l->name))
		l->tp = tp;
}

/*
 * Tracepoints of loaded modules: registering a tracepoint module notifier
 * calls it once for every module that has tracepoints (under the tracepoint
 * module mutex), which is the only exported way to walk them.  The owner is
 * pinned with a module reference until the probe is unregistered.
 */
static struct kp_tp_lookup *kp_tp_module_lookup;

static int kp_tp_module_match(struct notifier_block *nb, unsigned long state, void *data)
{
	struct tp_module *tp_mod = data;
	struct kp_tp_lookup *l = kp_tp_module_lookup;
	unsigned int i;

	if (state != MODULE_STATE_COMING || !l || l->tp)
		return NOTIFY_OK;
	for (i = 0; i < tp_mod->mod->num_tracepoints; i++) {
		struct tracepoint *tp = tracepoint_ptr_deref(&tp_mod->mod->tracepoints_ptrs[i]);

		/*
		 * Only a LIVE module: one still in its init (COMING) is freed
		 * whatever its refcount if that init fails, and would leave our
		 * probe on freed memory.  A live one only goes through
		 * delete_module, which respects the reference taken here.
		 */
		if (!strcmp(tp->name, l->name) &&
		    READ_ONCE(tp_mod->mod->state) == MODULE_STATE_LIVE &&
		    try_module_get(tp_mod->mod)) {
			l->tp = tp;
			l->owner = tp_mod->mod;
			break;
		}
	}
	return NOTIFY_OK;
}

static struct notifier_block kp_tp_module_nb = { .notifier_call = kp_tp_module_match };

static void kp_find_tracepoint(struct kp_tp_lookup *l)
{
	for_each_kernel_tracepoint(kp_tp_match, l);
	if (l->tp || !IS_ENABLED(CONFIG_MODULES))
		return;
	kp_tp_module_lookup = l; /* module init/exit are serialised: no concurrent lookup */
	if (!register_tracepoint_module_notifier(&kp_tp_module_nb))
		unregister_tracepoint_module_notifier(&kp_tp_module_nb);
	kp_tp_module_lookup = NULL;
}

/*
 * An interval probe's timer: runs the handler, then re-arms one period
 * after the previous expiry (not after now: no drift), or, when it ran
 * more than a period late, one period from now, counting the periods it
 * skipped (the status file's "missed").  timer_shutdown_sync() (on 6.1 and
 * 6.12) stops it for good: it waits for a running callback and makes the
 * callback's own mod_timer() a no-op, so no handler runs after unregister.
 */
static void kp_interval_fire(struct timer_list *t)
{
	union kp_slot *s = from_timer(s, t, iv.timer);
	unsigned long next = t->expires + s->iv.period, now;

	s->iv.d->run();
	now = jiffies;
	if (time_before_eq(next, now)) {
		s->iv.missed += (now - t->expires) / s->iv.period;
		next = now + s->iv.period;
	}
	mod_timer(t, next);
}

static void kp_interval_arm(union kp_slot *s)
{
	timer_setup(&s->iv.timer, kp_interval_fire, 0);
	s->iv.live = true;
	mod_timer(&s->iv.timer, jiffies + s->iv.period);
}

static void kp_interval_disarm(union kp_slot *s)
{
	if (s->iv.live)
		timer_shutdown_sync(&s->iv.timer);
	s->iv.live = false;
}

/* After register_kretprobe() succeeded (see KP_KRETPROBE_HOLDER_REF). */
static void kp_kretprobe_hold(union kp_slot *s)
{
#ifdef KP_KRETPROBE_HOLDER_REF
	s->krp_holder = s->krp.rph;
	refcount_inc(&s->krp.rph->ref);
#endif
}

/* After unregister_kretprobes() returned: the holder goes with its last user. */
static void kp_kretprobe_release(union kp_slot *s)
{
#ifdef KP_KRETPROBE_HOLDER_REF
	struct kretprobe_holder *h = s->krp_holder;

	s->krp_holder = NULL;
	if (h && refcount_dec_and_test(&h->ref))
		kfree(h);
#endif
}

static void kp_register_failed(const struct kp_probe_desc *d, unsigned int idx, int err)
{
	char where[160];

	if (d->kind == KP_KIND_TRACEPOINT)
		snprintf(where, sizeof(where), "trace_%s", d->symbol);
	else
		snprintf(where, sizeof(where), "%s+0x%lx", d->symbol, d->offset);
	if (kp_want(idx) & KP_WANT_OPTIONAL)
		kp_warn("optional %s %s skipped: register failed at %s: %pe (%s:%u)\n",
			kp_kind_name(d->kind), kp_registry_name(&kp_module_registry, idx), where, ERR_PTR(err),
			d->file, d->line);
	else
		kp_err("%s register failed at %s: %pe (%s:%u)\n", kp_kind_name(d->kind), where,
		       ERR_PTR(err), d->file, d->line);
}

/* A kp::FentryMatch that cannot attach: one line with the probe, the pattern and why. */
static void kp_pattern_failed(const struct kp_probe_desc *d, unsigned int idx, int err,
			      const char *why)
{
	const char *name = kp_registry_name(&kp_module_registry, idx);

	if (kp_want(idx) & KP_WANT_OPTIONAL)
		kp_warn("optional fentry %s skipped: register failed at %s: %s: %pe (%s:%u)\n", name,
			d->symbol, why, ERR_PTR(err), d->file, d->line);
	else
		kp_err("fentry %s register failed at %s: %s: %pe (%s:%u)\n", name, d->symbol, why,
		       ERR_PTR(err), d->file, d->line);
}

/*
 * The kernel adds a kprobe's offset to its symbol's address without
 * checking the symbol's size: symbol+offset beyond the end registers inside
 * the next function.  Refuse that (-ERANGE) while the probe is still
 * disarmed, and arm it (unless it starts disabled) when it is inside.
 */
static int kp_check_offset(const struct kp_probe_desc *d, union kp_slot *s, bool off)
{
	char at[KSYM_SYMBOL_LEN];
	size_t n = strlen(d->symbol);

	sprint_symbol_no_offset(at, (unsigned long)s->kp.addr);
	if (strncmp(at, d->symbol, n) || (at[n] && at[n] != ' ')) {
		kp_err("kprobe %s+0x%lx: the offset is beyond the function's end (it is %pS)\n",
		       d->symbol, d->offset, s->kp.addr);
		unregister_kprobe(&s->kp);
		return -ERANGE;
	}
	return off ? 0 : enable_kprobe(&s->kp);
}

static int kp_kretprobe_register(const struct kp_probe_desc *d, union kp_slot *s, bool off)
{
	int err;

	s->krp.kp.symbol_name = d->symbol;
	s->krp.kp.flags = off ? KPROBE_FLAG_DISABLED : 0;
	s->krp.entry_handler = d->entry;
	s->krp.handler = d->ret;
	s->krp.data_size = d->data_size;
	s->krp.maxactive = d->maxactive > 0 ? d->maxactive : kp_default_maxactive();
	err = register_kretprobe(&s->krp);
	if (!err)
		kp_kretprobe_hold(s);
	return err;
}

/*
 * The kind of kernel object a probe is: kp::Fexit without fprobe is a
 * kretprobe (the same slot, calls and numbers), else its own kind.
 */
static unsigned int kp_backend_kind(const struct kp_probe_desc *d)
{
	return d->kind == KP_KIND_FEXIT && !KP_FEXIT_ON_FPROBE ? KP_KIND_KRETPROBE : d->kind;
}

static bool kp_on_kretprobe(const struct kp_probe_desc *d)
{
	return kp_backend_kind(d) == KP_KIND_KRETPROBE;
}

#if KP_FEXIT_ON_FPROBE
/*
 * kp::Fexit on an fprobe: one fprobe per probe, the kernel calling the
 * thunks directly (entry on the function's ftrace site, exit from the
 * rethook trampoline, both with a pt_regs: 6.5-6.13's fprobe asks ftrace
 * for FTRACE_OPS_FL_SAVE_REGS), the per-call data in the rethook node
 * (entry_data_size), nr_maxactive nodes (kp::MaxActive, else the
 * kretprobe default).  The address: like kp::Fentry's, from a disarmed
 * kprobe (the blacklist refuses what it refuses for kretprobes), which
 * goes again at once: the fprobe is attached by that ftrace site.  Each
 * fprobe is its own ftrace_ops: one filter update per probe (attach many
 * functions at entry with kp::FentryMatch).
 */
static int kp_fexit_register(const struct kp_probe_desc *d, union kp_slot *s, bool off)
{
	struct kprobe k = { .symbol_name = d->symbol, .flags = KPROBE_FLAG_DISABLED };
	unsigned long ip;
	int err;

	err = register_kprobe(&k);
	if (err)
		return err;
	ip = (unsigned long)k.addr;
	unregister_kprobe(&k);
	s->fx.addr = (void *)ip;
	s->fx.fp.entry_handler = d->fp_entry;
	s->fx.fp.exit_handler = d->fp_exit;
	s->fx.fp.entry_data_size = d->data_size;
	s->fx.fp.nr_maxactive = d->maxactive > 0 ? d->maxactive : kp_default_maxactive();
	if (off)
		disable_fprobe(&s->fx.fp);
	return register_fprobe_ips(&s->fx.fp, &ip, 1);
}
#endif

int kp_backend_register(const struct kp_probe_desc *d, unsigned int idx)
{
	union kp_slot *s = &kp_slots[idx];
	bool off = kp_want(idx) & KP_WANT_DISABLED;
	int err;

	switch (d->kind) {
	case KP_KIND_KPROBE:
		s->kp.symbol_name = d->symbol;
		s->kp.offset = d->offset;
		s->kp.pre_handler = d->pre;
		/* at an offset: armed only once the address is known to be in the symbol */
		s->kp.flags = off || d->offset ? KPROBE_FLAG_DISABLED : 0;
		err = register_kprobe(&s->kp);
		if (!err && d->offset)
			err = kp_check_offset(d, s, off);
		if (!err && kp_each_line())
			kp_info("kprobe register at %pS\n", s->kp.addr);
		break;
	case KP_KIND_KRETPROBE:
		err = kp_kretprobe_register(d, s, off);
		if (!err && kp_each_line())
			kp_info("kretprobe register at %pS\n", s->krp.kp.addr);
		break;
	case KP_KIND_FEXIT:
#if KP_FEXIT_ON_FPROBE
		err = kp_fexit_register(d, s, off);
		if (!err && kp_each_line())
			kp_info("fexit register at %pS (fprobe)\n", s->fx.addr);
#else
		err = kp_kretprobe_register(d, s, off);
		if (!err && kp_each_line())
			kp_info("fexit register at %pS (kretprobe)\n", s->krp.kp.addr);
#endif
		break;
	case KP_KIND_FENTRY: {
		unsigned long addr;
		unsigned int nfuncs;
		char why[96];

		/* queued: attached with all the others by kp_ftrace_commit() */
		err = kp_ftrace_add(d, idx, off, &addr, &nfuncs, why, sizeof(why));
		if (!err && !kp_each_line())
			;
		else if (!err && (d->flags & KP_F_PATTERN))
			kp_info("fentry register at %s: %u functions\n", d->symbol, nfuncs);
		else if (!err)
			kp_info("fentry register at %pS\n", (void *)addr);
		if (err && (d->flags & KP_F_PATTERN) && why[0]) {
			kp_pattern_failed(d, idx, err, why);
			return err;
		}
		break;
	}
	case KP_KIND_TRACEPOINT: {
		struct kp_tp_lookup l = { .name = d->symbol };

		kp_find_tracepoint(&l);
		err = -ENOENT;
		if (l.tp)
			err = off ? 0 : tracepoint_probe_register(l.tp, *(void *const *)d->tp_probe,
								   kp_tp_data(d));
		if (!err) {
			s->tp.tp = l.tp;
			s->tp.owner = l.owner;
			s->tp.live = !off;
			if (!kp_each_line())
				;
			else if (l.owner)
				kp_info("tracepoint register at trace_%s [%s]\n", d->symbol,
					module_name(l.owner));
			else
				kp_info("tracepoint register at trace_%s\n", d->symbol);
		} else if (l.owner) {
			module_put(l.owner);
		}
		break;
	}
	case KP_KIND_BEGIN:
	case KP_KIND_END:
		err = 0; /* nothing in the kernel: the registry calls them */
		break;
	case KP_KIND_INTERVAL:
		s->iv.d = d;
		s->iv.period = max(msecs_to_jiffies(d->period_ms), 1UL);
		s->iv.missed = 0;
		if (!off)
			kp_interval_arm(s);
		kp_info("interval register at %s every %u ms\n", kp_registry_name(&kp_module_registry, idx),
			d->period_ms);
		err = 0;
		break;
	default:
		err = -EINVAL;
	}
	if (err)
		kp_register_failed(d, idx, err);
	return err;
}

/*
 * Unregistration is batched: kp_backend_unregister() prints the probe's
 * line and queues it, kp_backend_sync() (which the registry calls after
 * the last one) takes every queued kprobe and kretprobe off with one
 * unregister_kprobes()/unregister_kretprobes() call each, so that a
 * module waits for a constant number of RCU grace periods however many
 * probes it has, instead of one per probe.  The kernel's batch calls keep
 * the queue's order.  Tracepoint probes come off at once (no wait in
 * that) and share one tracepoint_synchronize_unregister() in the flush.
 */
static unsigned int *kp_unreg_queue;	   /* registry indexes, in unregistration order */
static struct kprobe **kp_unreg_kps;	   /* the batch for unregister_kprobes() */
static struct kretprobe **kp_unreg_krps;   /* the batch for unregister_kretprobes() */
static unsigned int kp_unreg_queued;

void kp_backend_unregister(const struct kp_probe_desc *d, unsigned int idx)
{
	union kp_slot *s = &kp_slots[idx];
	bool line = kp_each_line();

	switch (d->kind) {
	case KP_KIND_KPROBE:
		if (line)
			kp_info("kprobe unregister at %pS\n", s->kp.addr);
		break;
	case KP_KIND_KRETPROBE:
		if (line)
			kp_info("kretprobe unregister at %pS\n", s->krp.kp.addr);
		break;
	case KP_KIND_FEXIT:
#if KP_FEXIT_ON_FPROBE
		if (line)
			kp_info("fexit unregister at %pS\n", s->fx.addr);
#else
		if (line)
			kp_info("fexit unregister at %pS\n", s->krp.kp.addr);
#endif
		break;
	case KP_KIND_FENTRY: {
		unsigned long addr, missed;
		unsigned int nfuncs;

		if (!line || kp_ftrace_status(idx, &addr, &missed, &nfuncs))
			;
		else if (d->flags & KP_F_PATTERN)
			kp_info("fentry unregister at %s: %u functions\n", d->symbol, nfuncs);
		else
			kp_info("fentry unregister at %pS\n", (void *)addr);
		break;
	}
	case KP_KIND_TRACEPOINT:
		if (line)
			kp_info("tracepoint unregister at trace_%s\n", d->symbol);
		if (s->tp.live)
			tracepoint_probe_unregister(s->tp.tp, *(void *const *)d->tp_probe,
						    kp_tp_data(d));
		s->tp.live = false;
		break;
	case KP_KIND_INTERVAL:
		kp_interval_disarm(s);
		kp_info("interval unregister at %s\n", kp_registry_name(&kp_module_registry, idx));
		if (s->iv.missed)
			kp_info("interval %s missed %lu periods\n",
				kp_registry_name(&kp_module_registry, idx), s->iv.missed);
		break;
	}
	kp_unreg_queue[kp_unreg_queued++] = idx;
}

/* The queued kprobes and kretprobes off the kernel, a grace period each. */
static void kp_unregister_batch(void)
{
	unsigned int i, nkp = 0, nkrp = 0, nfe = 0, nfx = 0;

	for (i = 0; i < kp_unreg_queued; i++) {
		unsigned int idx = kp_unreg_queue[i];
		const struct kp_probe_desc *d = kp_module_registry.begin[idx];

		if (d->kind == KP_KIND_FENTRY)
			nfe++;
		else if (d->kind == KP_KIND_KPROBE)
			kp_unreg_kps[nkp++] = &kp_slots[idx].kp;
		else if (kp_on_kretprobe(d))
			kp_unreg_krps[nkrp++] = &kp_slots[idx].krp;
#if KP_FEXIT_ON_FPROBE
		/*
		 * One at a time (the kernel has no batch): unregister_fprobe()
		 * stops the rethook's handler, takes the ftrace_ops off (which
		 * waits for the callbacks in flight) and frees the rethook once
		 * its nodes in flight have returned, without calling us again.
		 */
		else if (d->kind == KP_KIND_FEXIT)
			unregister_fprobe(&kp_slots[idx].fx.fp), nfx++;
#endif
	}
	/* an exit handler that read the rethook's handler before it was stopped: preemption is off there */
	if (nfx)
		synchronize_rcu();
	if (nkp)
		unregister_kprobes(kp_unreg_kps, nkp);
	if (nkrp)
		unregister_kretprobes(kp_unreg_krps, nkrp);
	for (i = 0; i < nkrp; i++)
		kp_kretprobe_release(container_of(kp_unreg_krps[i], union kp_slot, krp));
	/* the registry takes them all off together (unload, rollback): the one ftrace_ops goes */
	if (nfe)
		kp_ftrace_sync();
}

/* After the batch and the sync: the missed counts (final now), the modules unpinned. */
static void kp_unregister_done(void)
{
	unsigned int i;

	for (i = 0; i < kp_unreg_queued; i++) {
		unsigned int idx = kp_unreg_queue[i];
		union kp_slot *s = &kp_slots[idx];

		switch (kp_backend_kind(kp_module_registry.begin[idx])) {
		case KP_KIND_KPROBE:
			if (s->kp.nmissed)
				kp_info("kprobe missed probing %lu instances of %pS\n",
					s->kp.nmissed, s->kp.addr);
			break;
		case KP_KIND_KRETPROBE: /* and kp::Fexit on a kretprobe */
			if (s->krp.nmissed)
				kp_info("%s missed probing %d instances of %pS\n",
					kp_kind_name(kp_module_registry.begin[idx]->kind), s->krp.nmissed,
					s->krp.kp.addr);
			break;
#if KP_FEXIT_ON_FPROBE
		case KP_KIND_FEXIT:
			if (s->fx.fp.nmissed)
				kp_info("fexit missed probing %lu instances of %pS\n",
					s->fx.fp.nmissed, s->fx.addr);
			break;
#endif
		case KP_KIND_TRACEPOINT:
			if (s->tp.owner)
				module_put(s->tp.owner);
			s->tp.owner = NULL;
			break;
		}
	}
	kp_unreg_queued = 0;
}

void kp_backend_sync(int what)
{
	kp_unregister_batch();
	/*
	 * unregister_kprobes() waited for running kprobe handlers (if it had
	 * any to take off); tracepoint probes may still run until an SRCU/RCU
	 * grace period has passed (also on a module's tracepoint, whose module
	 * is unpinned only after it), and a disarmed kprobe's handler until an
	 * RCU grace period has (kprobe handlers run with preemption disabled).
	 */
	if (what & KP_SYNC_TRACEPOINTS)
		tracepoint_synchronize_unregister();
	else if (what & KP_SYNC_KPROBES)
		synchronize_rcu();
	kp_unregister_done();
}

int kp_backend_set_enabled(const struct kp_probe_desc *d, unsigned int idx, int on)
{
	union kp_slot *s = &kp_slots[idx];
	void *fn = d->kind == KP_KIND_TRACEPOINT ? *(void *const *)d->tp_probe : NULL;
	int err = 0;

	switch (kp_backend_kind(d)) {
	case KP_KIND_KPROBE:
		err = on ? enable_kprobe(&s->kp) : disable_kprobe(&s->kp);
		break;
	case KP_KIND_KRETPROBE: /* and kp::Fexit on a kretprobe */
		err = on ? enable_kretprobe(&s->krp) : disable_kretprobe(&s->krp);
		break;
#if KP_FEXIT_ON_FPROBE
	case KP_KIND_FEXIT:
		/* a flag fprobe's callbacks read: a call in flight still returns to its exit handler */
		if (on)
			enable_fprobe(&s->fx.fp);
		else
			disable_fprobe(&s->fx.fp);
		break;
#endif
	case KP_KIND_FENTRY:
		kp_ftrace_set_enabled(idx, on);
		break;
	case KP_KIND_TRACEPOINT:
		if (on == s->tp.live)
			break;
		/*
		 * Registering again right after unregistering is fine: the
		 * tracepoint's old probe array is freed after a grace period,
		 * and the caller syncs after a disable before returning.
		 */
		err = on ? tracepoint_probe_register(s->tp.tp, fn, kp_tp_data(d))
			 : tracepoint_probe_unregister(s->tp.tp, fn, kp_tp_data(d));
		if (!err)
			s->tp.live = on;
		break;
	case KP_KIND_INTERVAL:
		if (on && !s->iv.live)
			kp_interval_arm(s);
		else if (!on)
			kp_interval_disarm(s);
		break;
	}
	if (err)
		kp_warn("control: %s %s failed: %pe\n", on ? "enable" : "disable",
			kp_registry_name(&kp_module_registry, idx), ERR_PTR(err));
	return err;
}

void kp_backend_message(int level, const char *msg)
{
	if (level == KP_MSG_ERR)
		kp_err("%s\n", msg);
	else
		kp_warn("%s\n", msg);
}

int kp_backend_glob(const char *pattern, const char *name)
{
	return glob_match(pattern, name);
}

void kp_backend_status(unsigned int idx, struct kp_status_vals *v, char *addr, size_t size)
{
	const struct kp_probe_desc *d = kp_module_registry.begin[idx];
	const struct kp_probe_rt *rt = &kp_module_registry.rt[idx];
	union kp_slot *s = &kp_slots[idx];
	const void *where = NULL;
	int cpu;

	memset(v, 0, sizeof(*v));
	if (d->state && kp_hits) {
		v->have |= KP_HAVE_HITS;
		for_each_possible_cpu(cpu)
			v->hits += *per_cpu_ptr(kp_hits + 2 * idx, cpu);
	}
	if (rt->state == KP_ST_SKIPPED) {
		snprintf(addr, size, "%pe", ERR_PTR(rt->error));
		v->error = addr;
		return;
	}
	if (rt->state != KP_ST_ENABLED && rt->state != KP_ST_DISABLED)
		return;
	switch (kp_backend_kind(d)) {
	case KP_KIND_KPROBE:
		where = s->kp.addr;
		v->have |= KP_HAVE_MISSED;
		v->missed = READ_ONCE(s->kp.nmissed);
		v->gone = kprobe_gone(&s->kp);
		break;
	case KP_KIND_KRETPROBE:
		/* as the kernel's kprobe_profile: the kprobe's misses and the instances' */
		where = s->krp.kp.addr;
		v->have |= KP_HAVE_MISSED | KP_HAVE_MAXACTIVE;
		v->missed = READ_ONCE(s->krp.kp.nmissed) + (unsigned int)READ_ONCE(s->krp.nmissed);
		v->maxactive = s->krp.maxactive;
		v->gone = kprobe_gone(&s->krp.kp);
		break;
#if KP_FEXIT_ON_FPROBE
	case KP_KIND_FEXIT:
		/* fprobe's misses: recursion, and no free rethook node (maxactive) */
		where = s->fx.addr;
		v->have |= KP_HAVE_MISSED | KP_HAVE_MAXACTIVE;
		v->missed = READ_ONCE(s->fx.fp.nmissed);
		v->maxactive = s->fx.fp.nr_maxactive;
		break;
#endif
	case KP_KIND_TRACEPOINT:
		where = s->tp.tp;
		break;
	case KP_KIND_INTERVAL:
		v->have |= KP_HAVE_MISSED;
		v->missed = READ_ONCE(s->iv.missed);
		return;
	case KP_KIND_FENTRY: {
		unsigned long a = 0, missed = 0;
		unsigned int nfuncs = 0;

		kp_ftrace_status(idx, &a, &missed, &nfuncs);
		v->have |= KP_HAVE_MISSED;
		v->missed = missed;
		if (d->flags & KP_F_PATTERN) {
			/* a pattern: how many functions it matched, not one address */
			snprintf(addr, size, "%u functions", nfuncs);
			v->addr = addr;
			return;
		}
		where = (const void *)a;
		break;
	}
	default:
		return; /* begin, end: no kernel address */
	}
	snprintf(addr, size, "%pS", where);
	v->addr = addr;
}

/* Above KP_LINES_MAX probes: one line instead of one a probe. */
static void kp_summary(const char *what)
{
	unsigned int i, n[KP_KIND_FEXIT + 1] = { 0 }, skipped = 0, excluded = 0, on = 0;

	for (i = 0; i < kp_module_registry.count; i++) {
		const struct kp_probe_rt *rt = &kp_module_registry.rt[i];

		if (rt->state == KP_ST_SKIPPED)
			skipped++;
		else if (rt->state == KP_ST_EXCLUDED)
			excluded++;
		else if ((rt->state == KP_ST_ENABLED || rt->state == KP_ST_DISABLED) &&
			 kp_module_registry.begin[i]->kind <= KP_KIND_FEXIT)
			n[kp_module_registry.begin[i]->kind]++, on++;
	}
	kp_info("%s %u probes (%u kprobes, %u kretprobes, %u tracepoints, %u fentry, %u fexit, "
		"%u begin/end/interval; "
		"%u skipped, %u excluded): each in /sys/kernel/debug/kp-%s/probes, one line each "
		"with all_lines=1\n",
		what, on, n[KP_KIND_KPROBE], n[KP_KIND_KRETPROBE], n[KP_KIND_TRACEPOINT],
		n[KP_KIND_FENTRY], n[KP_KIND_FEXIT], n[KP_KIND_BEGIN] + n[KP_KIND_END] + n[KP_KIND_INTERVAL], skipped,
		excluded, kp_modname());
}

/* What kp_init allocates; kfree and free_percpu take NULL. */
static void kp_free_all(void)
{
	kp_overload_free();
	kfree(kp_unreg_krps);
	kfree(kp_unreg_kps);
	kfree(kp_unreg_queue);
	free_percpu(kp_hits);
	kfree(kp_module_registry.rt);
	kfree(kp_module_registry.order);
	kfree(kp_slots);
	kp_ftrace_free();
}

static int __init kp_init(void)
{
	int err;
	unsigned int i, nfe = 0, n = __kp_probes_end - __kp_probes_begin;

	kp_slots = kcalloc(n ? n : 1, sizeof(*kp_slots), GFP_KERNEL);
	kp_module_registry.order = kcalloc(n ? n : 1, sizeof(*kp_module_registry.order), GFP_KERNEL);
	kp_module_registry.rt = kcalloc(n ? n : 1, sizeof(*kp_module_registry.rt), GFP_KERNEL);
	kp_hits = __alloc_percpu((n ? n : 1) * 2 * sizeof(unsigned long), 2 * sizeof(unsigned long));
	kp_unreg_queue = kcalloc(n ? n : 1, sizeof(*kp_unreg_queue), GFP_KERNEL);
	kp_unreg_kps = kcalloc(n ? n : 1, sizeof(*kp_unreg_kps), GFP_KERNEL);
	kp_unreg_krps = kcalloc(n ? n : 1, sizeof(*kp_unreg_krps), GFP_KERNEL);
	for (i = 0; i < n; i++)
		nfe += __kp_probes_begin[i] && __kp_probes_begin[i]->kind == KP_KIND_FENTRY;
	err = -ENOMEM;
	if (kp_ftrace_prepare(nfe))
		goto out;
	if (!kp_slots || !kp_module_registry.order || !kp_module_registry.rt || !kp_hits ||
	    !kp_unreg_queue || !kp_unreg_kps || !kp_unreg_krps)
		goto out;
	err = kp_registry_prepare(&kp_module_registry);
	if (!err)
		err = kp_registry_select(&kp_module_registry, "disabled", disabled, KP_WANT_DISABLED);
	if (!err)
		err = kp_registry_select(&kp_module_registry, "excluded", excluded, KP_WANT_EXCLUDED);
	if (!err)
		err = kp_overload_init(n, kp_hits); /* freed by kp_free_all */
	if (!err)
		err = kp_maps_init();
	if (err)
		goto out;
	if (all_optional)
		kp_registry_want_all(&kp_module_registry, KP_WANT_OPTIONAL);
	/* the trace instance first: a handler may print from its first hit */
	err = kp_output_init();
	if (err)
		goto out_maps;
	for (i = 0; i < n; i++)
		if (kp_module_registry.begin[i]->state)
			kp_module_registry.begin[i]->state->hits = (unsigned long __force *)(kp_hits + 2 * i);
	err = kp_registry_register_all(&kp_module_registry);
	if (err)
		goto out_output;
	/* the entry probes on ftrace, all at once */
	err = kp_ftrace_commit();
	if (err) {
		kp_registry_unregister_all(&kp_module_registry);
		goto out_output;
	}
	if (!kp_each_line())
		kp_summary("registered");
	kp_status_init(&kp_module_registry);
	kp_overload_start();
	kp_maps_debugfs(kp_status_debugfs_dir());
	return 0;
out_output:
	/* register_all rolled back and waited: no handler runs */
	kp_output_exit();
out_maps:
	kp_maps_free();
out:
	kp_free_all();
	return err;
}

static void __exit kp_exit(void)
{
	/* first: no overload check, control write or status read runs while unregistering */
	kp_overload_stop();
	kp_status_exit();
	if (!kp_each_line())
		kp_summary("unregistering");
	kp_registry_unregister_all(&kp_module_registry);
	/* unregister_all waited: no handler runs, none bumps a counter or prints */
	kp_maps_exit(); /* into the trace instance: before it goes */
	kp_output_exit();
	kp_free_all();
}

module_init(kp_init);
module_exit(kp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kprobe-template: kprobes, kretprobes and tracepoints declared as C++ types");
