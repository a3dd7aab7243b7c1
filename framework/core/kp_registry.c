// SPDX-License-Identifier: GPL-2.0
/*
 * The registry walk.  See kp_registry.h.  No kernel headers: this file is
 * also compiled on the host and tested against a fake backend.
 */
#include "kp_registry.h"

static int kp_streq(const char *a, const char *b)
{
	if (a == b)
		return 1;
	if (!a || !b)
		return 0;
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}


/*
 * The same probe twice: same kind, symbol and offset, and either the same
 * handlers or the same declaration (a KP_PROBE in a header included by two
 * files: each file has its own copy of the thunks, but it is one probe).
 */
static int kp_same_probe(const struct kp_probe_desc *a, const struct kp_probe_desc *b)
{
	if (a->kind != b->kind || a->offset != b->offset || !kp_streq(a->symbol, b->symbol))
		return 0;
	if (a->pre == b->pre && a->entry == b->entry && a->ret == b->ret &&
	    a->tp_probe == b->tp_probe)
		return 1;
	return a->line == b->line && kp_streq(a->file, b->file);
}

static const char *kp_malformed(const struct kp_probe_desc *d)
{
	if (!d)
		return "null registry entry";
	if (!d->symbol || !d->symbol[0])
		return "no symbol";
	switch (d->kind) {
	case KP_KIND_KPROBE:
		return d->pre ? 0 : "kprobe without a handler";
	case KP_KIND_KRETPROBE:
		if (!d->ret)
			return "kretprobe without a return handler";
		if (d->offset)
			return "kretprobe at a non-zero offset";
		return 0;
	case KP_KIND_TRACEPOINT:
		return d->tp_probe ? 0 : "tracepoint without a handler";
	default:
		return "unknown probe kind";
	}
}

int kp_registry_prepare(struct kp_registry *r)
{
	const struct kp_probe_desc *const *e = r->begin;
	unsigned int i, j, run;

	r->count = (unsigned int)(r->end - r->begin);
	r->registered = 0;

	for (i = 0; i < r->count; i++) {
		const char *why = kp_malformed(e[i]);

		if (why) {
			kp_backend_report_invalid(e[i], why, 0);
			return -KP_EINVAL;
		}
	}

	/*
	 * The entries of one translation unit are contiguous (one object file):
	 * sort each run by seq, the unit's __COUNTER__ at each declaration.
	 */
	for (run = 0; run < r->count; run = i) {
		for (i = run; i < r->count && e[i]->unit == e[run]->unit; i++) {
			unsigned int k = i;

			/* insertion sort: runs are short and usually sorted or reversed */
			while (k > run && e[i]->seq < e[r->order[k - 1]]->seq) {
				r->order[k] = r->order[k - 1];
				k--;
			}
			r->order[k] = i;
		}
	}

	/* Duplicates: hash-free O(n^2), but the string compare only runs on a full match. */
	for (i = 0; i < r->count; i++)
		for (j = 0; j < i; j++)
			if (kp_same_probe(e[r->order[i]], e[r->order[j]])) {
				kp_backend_report_invalid(e[r->order[i]],
							  "the same probe is registered twice",
							  e[r->order[j]]);
				return -KP_EEXIST;
			}
	return 0;
}

static int kp_has_tracepoints(const struct kp_registry *r, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (r->begin[r->order[i]]->kind == KP_KIND_TRACEPOINT)
			return 1;
	return 0;
}

void kp_registry_unregister_all(struct kp_registry *r)
{
	int tps = kp_has_tracepoints(r, r->registered);

	while (r->registered) {
		unsigned int idx = r->order[--r->registered];

		kp_backend_unregister(r->begin[idx], idx);
	}
	kp_backend_sync(tps);
}

int kp_registry_register_all(struct kp_registry *r)
{
	unsigned int i;

	for (i = 0; i < r->count; i++) {
		unsigned int idx = r->order[i];
		int err = kp_backend_register(r->begin[idx], idx);

		if (err) {
			kp_registry_unregister_all(r);
			return err;
		}
		r->registered = i + 1;
	}
	return 0;
}
