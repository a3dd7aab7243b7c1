// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel core: module init/exit and the registry backend.  Together
 * with kp_helpers.c this is the only code that includes kernel headers.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tracepoint.h>

#include "../kp_abi.h"
#include "kp_registry.h"

/* Bracketing markers: kp_begin.o is linked first, kp_end.o last. */
extern const struct kp_probe_desc *const __kp_probes_begin[];
extern const struct kp_probe_desc *const __kp_probes_end[];

/* The kernel objects of each probe, indexed like the registry. */
union kp_slot {
	struct kprobe kp;
	struct kretprobe krp;
	struct {
		struct tracepoint *tp;
		struct module *owner; /* a loaded module's tracepoint: held while registered */
	} tp;
};

static union kp_slot *kp_slots;
static struct kp_registry kp_reg = {
	.begin = __kp_probes_begin,
	.end = __kp_probes_end,
};

static const char *kp_kind_name(const struct kp_probe_desc *d)
{
	switch (d->kind) {
	case KP_KIND_KPROBE:
		return "kprobe";
	case KP_KIND_KRETPROBE:
		return "kretprobe";
	default:
		return "tracepoint";
	}
}

void kp_backend_report_invalid(const struct kp_probe_desc *d, const char *why,
			       const struct kp_probe_desc *other)
{
	if (!d) {
		pr_err("registry: %s\n", why);
		return;
	}
	if (other)
		pr_err("%s %s+0x%lx (%s:%u): %s (first at %s:%u)\n", kp_kind_name(d),
		       d->symbol, d->offset, d->file, d->line, why, other->file, other->line);
	else
		pr_err("%s %s (%s:%u): %s\n", kp_kind_name(d), d->symbol ? d->symbol : "?",
		       d->file, d->line, why);
}

struct kp_tp_lookup {
	const char *name;
	struct tracepoint *tp;
	struct module *owner;
};

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

static void kp_register_failed(const struct kp_probe_desc *d, int err)
{
	if (d->kind == KP_KIND_TRACEPOINT)
		pr_err("tracepoint register failed at trace_%s: %pe (%s:%u)\n", d->symbol,
		       ERR_PTR(err), d->file, d->line);
	else
		pr_err("%s register failed at %s+0x%lx: %pe (%s:%u)\n", kp_kind_name(d),
		       d->symbol, d->offset, ERR_PTR(err), d->file, d->line);
}

int kp_backend_register(const struct kp_probe_desc *d, unsigned int idx)
{
	union kp_slot *s = &kp_slots[idx];
	int err;

	switch (d->kind) {
	case KP_KIND_KPROBE:
		s->kp.symbol_name = d->symbol;
		s->kp.offset = d->offset;
		s->kp.pre_handler = d->pre;
		err = register_kprobe(&s->kp);
		if (!err)
			pr_info("kprobe register at %pS\n", s->kp.addr);
		break;
	case KP_KIND_KRETPROBE:
		s->krp.kp.symbol_name = d->symbol;
		s->krp.entry_handler = d->entry;
		s->krp.handler = d->ret;
		s->krp.data_size = d->data_size;
		s->krp.maxactive = d->maxactive;
		err = register_kretprobe(&s->krp);
		if (!err)
			pr_info("kretprobe register at %pS\n", s->krp.kp.addr);
		break;
	case KP_KIND_TRACEPOINT: {
		struct kp_tp_lookup l = { .name = d->symbol };

		kp_find_tracepoint(&l);
		err = -ENOENT;
		if (l.tp)
			err = tracepoint_probe_register(l.tp, *(void *const *)d->tp_probe, NULL);
		if (!err) {
			s->tp.tp = l.tp;
			s->tp.owner = l.owner;
			if (l.owner)
				pr_info("tracepoint register at trace_%s [%s]\n", d->symbol,
					module_name(l.owner));
			else
				pr_info("tracepoint register at trace_%s\n", d->symbol);
		} else if (l.owner) {
			module_put(l.owner);
		}
		break;
	}
	default:
		err = -EINVAL;
	}
	if (err)
		kp_register_failed(d, err);
	return err;
}

void kp_backend_unregister(const struct kp_probe_desc *d, unsigned int idx)
{
	union kp_slot *s = &kp_slots[idx];

	switch (d->kind) {
	case KP_KIND_KPROBE:
		pr_info("kprobe unregister at %pS\n", s->kp.addr);
		unregister_kprobe(&s->kp);
		if (s->kp.nmissed)
			pr_info("kprobe missed probing %lu instances of %pS\n", s->kp.nmissed,
				s->kp.addr);
		break;
	case KP_KIND_KRETPROBE:
		unregister_kretprobe(&s->krp);
		/* read after unregistering: the count is final then */
		if (s->krp.nmissed)
			pr_info("kretprobe missed probing %d instances of %pS\n", s->krp.nmissed,
				s->krp.kp.addr);
		pr_info("kretprobe unregister at %pS\n", s->krp.kp.addr);
		break;
	case KP_KIND_TRACEPOINT:
		pr_info("tracepoint unregister at trace_%s\n", d->symbol);
		tracepoint_probe_unregister(s->tp.tp, *(void *const *)d->tp_probe, NULL);
		if (s->tp.owner) {
			/* no handler of ours may still run on the owner's tracepoint */
			tracepoint_synchronize_unregister();
			module_put(s->tp.owner);
		}
		break;
	}
}

void kp_backend_sync(int had_tracepoints)
{
	/*
	 * unregister_kprobe() already waits for running handlers; tracepoint
	 * probes may still run until an SRCU/RCU grace period has passed.
	 */
	if (had_tracepoints)
		tracepoint_synchronize_unregister();
}

static int __init kp_init(void)
{
	int err;
	unsigned int n = __kp_probes_end - __kp_probes_begin;

	kp_slots = kcalloc(n ? n : 1, sizeof(*kp_slots), GFP_KERNEL);
	kp_reg.order = kcalloc(n ? n : 1, sizeof(*kp_reg.order), GFP_KERNEL);
	if (!kp_slots || !kp_reg.order) {
		err = -ENOMEM;
		goto out;
	}
	err = kp_registry_prepare(&kp_reg);
	if (!err)
		err = kp_registry_register_all(&kp_reg);
	if (!err)
		return 0;
out:
	kfree(kp_reg.order);
	kfree(kp_slots);
	return err;
}

static void __exit kp_exit(void)
{
	kp_registry_unregister_all(&kp_reg);
	kfree(kp_reg.order);
	kfree(kp_slots);
}

module_init(kp_init);
module_exit(kp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kprobe-template: kprobes, kretprobes and tracepoints declared as C++ types");
