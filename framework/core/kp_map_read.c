// SPDX-License-Identifier: GPL-2.0
/*
 * The maps' reader.  See kp_map_read.h.  No kernel headers: also compiled
 * on the host (host-tests/maps_test.cpp).
 */
#include "kp_map_read.h"

#define KP_WORDS(d) KP_MAP_SLOT_WORDS((d)->key_words, (d)->val_words)

const char *kp_map_kind_name(unsigned int kind)
{
	switch (kind) {
	case KP_MAP_COUNT:
		return "count";
	case KP_MAP_SUM:
		return "sum";
	case KP_MAP_MIN:
		return "min";
	case KP_MAP_MAX:
		return "max";
	case KP_MAP_AVG:
		return "avg";
	case KP_MAP_HIST_LOG2:
		return "hist";
	case KP_MAP_HIST_LINEAR:
		return "lhist";
	default:
		return "?";
	}
}

static unsigned int kp_map_fmt_words(const char *fmt)
{
	unsigned int w = 0;

	for (; *fmt; fmt++)
		w += *fmt == 'c' ? 2 : 1;
	return w;
}

const char *kp_map_malformed(const struct kp_map_desc *d)
{
	const char *c;
	unsigned int want;

	if (!d)
		return "null map registry entry";
	if (!d->name || !d->name[0])
		return "a map without a name";
	for (c = d->name; *c; c++)
		if (*c <= ' ' || *c > '~' || *c == '/')
			return "a map name with a space, a slash or a non-printable character";
	if (!d->state)
		return "a map without state";
	if (d->capacity < 1 || d->capacity > (1u << 20))
		return "a map capacity not in 1..1048576";
	if (d->key_words > KP_MAP_KEY_MAX_WORDS || !d->key_fmt ||
	    kp_map_fmt_words(d->key_fmt) != d->key_words)
		return "a map key that does not match its format";
	if (!d->key_words && d->capacity != 1)
		return "an unkeyed map with a capacity other than 1";
	for (c = d->key_fmt; *c; c++)
		if (*c != 'd' && *c != 'u' && *c != 'c')
			return "a map key field of unknown format";
	switch (d->kind) {
	case KP_MAP_COUNT:
	case KP_MAP_SUM:
	case KP_MAP_MIN:
	case KP_MAP_MAX:
		want = 1;
		break;
	case KP_MAP_AVG:
		want = 2;
		break;
	case KP_MAP_HIST_LOG2:
		want = KP_MAP_LOG2_BUCKETS;
		break;
	case KP_MAP_HIST_LINEAR:
		if (d->lin_step < 1 || d->lin_min >= d->lin_max ||
		    (d->lin_max - d->lin_min + d->lin_step - 1) / d->lin_step > 1024)
			return "a linear histogram whose step is not positive or whose min is not below max";
		want = KP_MAP_LINEAR_BUCKETS(d->lin_min, d->lin_max, d->lin_step);
		break;
	default:
		return "an unknown map kind";
	}
	return d->val_words == want ? 0 : "a map whose value size does not match its kind";
}

unsigned long kp_map_table_bytes(const struct kp_map_desc *d)
{
	return KP_MAP_TABLE_WORDS(d->capacity, d->key_words, d->val_words) * sizeof(kp_map_word);
}

void kp_map_clear_table(const struct kp_map_desc *d, kp_map_word *t)
{
	unsigned long i, k, w = KP_WORDS(d);

	for (i = 0; i < d->capacity; i++) {
		kp_map_word *slot = t + 1 + i * w;

		for (k = 1; k < w; k++)
			__atomic_store_n(&slot[k], 0, __ATOMIC_RELAXED);
		__atomic_store_n(&slot[0], 0, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&t[0], 0, __ATOMIC_RELAXED);
}

static long long kp_map_sort_value(const struct kp_map_desc *d, const kp_map_word *val)
{
	kp_map_word sum = 0;
	unsigned int k;

	switch (d->kind) {
	case KP_MAP_AVG:
		return val[0] ? (long long)val[1] / (long long)val[0] : 0;
	case KP_MAP_HIST_LOG2:
	case KP_MAP_HIST_LINEAR:
		for (k = 0; k < d->val_words; k++)
			sum += val[k];
		return (long long)sum;
	default:
		return (long long)val[0];
	}
}

/*
 * Whether entry a comes after entry b in the text: the order is value
 * descending, then key ascending (a max-heap on this leaves the entries
 * that come later at the end of order[]).
 */
static int kp_map_later(const struct kp_map_view *v, unsigned int a, unsigned int b)
{
	const struct kp_map_desc *d = v->d;
	unsigned long ew = d->key_words + d->val_words;
	const kp_map_word *ka = v->ent + a * ew, *kb = v->ent + b * ew;
	long long va = kp_map_sort_value(d, ka + d->key_words);
	long long vb = kp_map_sort_value(d, kb + d->key_words);
	const char *f;
	unsigned int k = 0;

	if (va != vb)
		return va < vb; /* a smaller value comes later */
	for (f = d->key_fmt; *f; f++) {
		unsigned int n = *f == 'c' ? 2 : 1, j;

		for (j = 0; j < n; j++, k++) {
			if (ka[k] == kb[k])
				continue;
			if (*f == 'd')
				return (long long)ka[k] > (long long)kb[k];
			if (*f == 'c') {
				/* byte order: compare the names, not the little-endian words */
				const unsigned char *ca = (const unsigned char *)&ka[k];
				const unsigned char *cb = (const unsigned char *)&kb[k];
				unsigned int i;

				for (i = 0; i < sizeof(kp_map_word); i++)
					if (ca[i] != cb[i])
						return ca[i] > cb[i];
			}
			return ka[k] > kb[k];
		}
	}
	return 0;
}

/* ---- merge ------------------------------------------------------------------ */

static unsigned long kp_map_isize(unsigned long max)
{
	unsigned long n = 1;

	while (n < 2 * max)
		n <<= 1;
	return n;
}

unsigned long kp_map_scratch_bytes(const struct kp_map_desc *d, unsigned int ncpu)
{
	unsigned long max = (unsigned long)ncpu * d->capacity;
	unsigned long ew = d->key_words + d->val_words;

	return max * ew * sizeof(kp_map_word) + max * sizeof(unsigned int) +
	       kp_map_isize(max) * sizeof(unsigned int);
}

static void kp_map_combine(const struct kp_map_desc *d, kp_map_word *dst, const kp_map_word *src)
{
	unsigned int k;

	switch (d->kind) {
	case KP_MAP_MIN:
		if ((long long)src[0] < (long long)dst[0])
			dst[0] = src[0];
		break;
	case KP_MAP_MAX:
		if ((long long)src[0] > (long long)dst[0])
			dst[0] = src[0];
		break;
	default:
		for (k = 0; k < d->val_words; k++)
			dst[k] += src[k];
	}
}

void kp_map_merge(struct kp_map_view *v, const struct kp_map_desc *d, kp_map_word *const *tables,
		  unsigned int ncpu, void *scratch)
{
	unsigned long ew = d->key_words + d->val_words, w = KP_WORDS(d), i;
	unsigned int cpu, k;

	v->d = d;
	v->n = 0;
	v->drops = 0;
	v->max = (unsigned long)ncpu * d->capacity;
	v->isize = kp_map_isize(v->max);
	v->ent = scratch;
	v->order = (unsigned int *)(v->ent + v->max * ew);
	v->index = v->order + v->max;
	for (i = 0; i < v->isize; i++)
		v->index[i] = ~0u;

	for (cpu = 0; cpu < ncpu; cpu++) {
		const kp_map_word *t = tables[cpu];

		if (!t)
			continue;
		v->drops += __atomic_load_n(&t[0], __ATOMIC_RELAXED);
		for (i = 0; i < d->capacity; i++) {
			const kp_map_word *slot = t + 1 + i * w;
			kp_map_word tag = __atomic_load_n(&slot[0], __ATOMIC_ACQUIRE);
			kp_map_word *val = v->ent + v->n * ew; /* the next free entry */
			unsigned long h;

			if (!(tag & 1))
				continue;
			for (k = 0; k < ew; k++)
				val[k] = *(const volatile kp_map_word *)&slot[1 + k];
			h = kp_map_hash(val, d->key_words) & (v->isize - 1);
			while (v->index[h] != ~0u &&
			       !kp_map_key_eq(v->ent + v->index[h] * ew, val, d->key_words))
				h = (h + 1) & (v->isize - 1);
			if (v->index[h] != ~0u) {
				kp_map_combine(d, v->ent + v->index[h] * ew + d->key_words,
					       val + d->key_words);
				continue;
			}
			v->index[h] = (unsigned int)v->n;
			v->order[v->n] = (unsigned int)v->n;
			v->n++;
		}
	}

	/* heapsort of order[] */
	{
		unsigned long n = v->n, start = n / 2, end = n;

		while (end > 1) {
			unsigned long root, child;
			unsigned int tmp;

			if (start > 0) {
				start--;
			} else {
				end--;
				tmp = v->order[0];
				v->order[0] = v->order[end];
				v->order[end] = tmp;
			}
			root = start;
			while ((child = 2 * root + 1) < end) {
				if (child + 1 < end &&
				    kp_map_later(v, v->order[child + 1], v->order[child]))
					child++;
				if (!kp_map_later(v, v->order[child], v->order[root]))
					break;
				tmp = v->order[root];
				v->order[root] = v->order[child];
				v->order[child] = tmp;
				root = child;
			}
		}
	}
}

/* ---- text ------------------------------------------------------------------- */

static void kp_out_pad(struct kp_out *o, unsigned long n)
{
	while (n--)
		kp_out_mem(o, " ", 1);
}

/* s (n bytes), padded to width: on the right (left aligned) or the left */
static void kp_out_field(struct kp_out *o, const char *s, unsigned long n, unsigned long width,
			 int left)
{
	if (!left && n < width)
		kp_out_pad(o, width - n);
	kp_out_mem(o, s, n);
	if (left && n < width)
		kp_out_pad(o, width - n);
}

/* 2^k with bpftrace's suffixes: 1, 2, ... 512, 1K, 2K, ... 1M, ... 4E */
static void kp_out_pow2(struct kp_out *o, unsigned int k)
{
	kp_out_uint(o, 1ul << (k % 10));
	if (k >= 10)
		kp_out_mem(o, &"KMGTPE"[k / 10 - 1], 1);
}

void kp_map_bucket_label(const struct kp_map_desc *d, unsigned int b, struct kp_out *o)
{
	if (d->kind == KP_MAP_HIST_LOG2) {
		if (b == 0) {
			kp_out_str(o, "(..., 0)");
		} else if (b == 1 || b == 2) {
			kp_out_str(o, b == 1 ? "[0]" : "[1]");
		} else {
			kp_out_str(o, "[");
			kp_out_pow2(o, b - 2);
			kp_out_str(o, ", ");
			kp_out_pow2(o, b - 1);
			kp_out_str(o, ")");
		}
		return;
	}
	if (b == 0) {
		kp_out_str(o, "(..., ");
		kp_out_int(o, (long)d->lin_min);
		kp_out_str(o, ")");
	} else if (b == d->val_words - 1) {
		kp_out_str(o, "[");
		kp_out_int(o, (long)d->lin_max);
		kp_out_str(o, ", ...)");
	} else {
		long long lo = d->lin_min + (long long)(b - 1) * d->lin_step;
		long long hi = lo + d->lin_step < d->lin_max ? lo + d->lin_step : d->lin_max;

		kp_out_str(o, "[");
		kp_out_int(o, (long)lo);
		kp_out_str(o, ", ");
		kp_out_int(o, (long)hi);
		kp_out_str(o, ")");
	}
}

static void kp_map_key_text(const struct kp_map_desc *d, const kp_map_word *key, struct kp_out *o)
{
	const char *f;

	if (!d->key_words)
		return;
	kp_out_str(o, "[");
	for (f = d->key_fmt; *f; f++) {
		if (f != d->key_fmt)
			kp_out_str(o, ", ");
		if (*f == 'c') {
			const char *s = (const char *)key;
			unsigned long n = 0;

			while (n < 2 * sizeof(kp_map_word) && s[n])
				n++;
			kp_out_mem(o, s, n);
			key += 2;
		} else if (*f == 'd') {
			kp_out_int(o, (long)*key++);
		} else {
			kp_out_uint(o, (unsigned long)*key++);
		}
	}
	kp_out_str(o, "]");
}

#define KP_MAP_BAR 52

static void kp_map_hist_text(const struct kp_map_desc *d, const kp_map_word *val, struct kp_out *o)
{
	unsigned int first = 0, last = 0, b, found = 0;
	kp_map_word max = 0;

	for (b = 0; b < d->val_words; b++) {
		if (!val[b])
			continue;
		if (!found)
			first = b;
		found = 1;
		last = b;
		if (val[b] > max)
			max = val[b];
	}
	for (b = first; found && b <= last; b++) {
		char text[48];
		struct kp_out t;
		unsigned long bar = (unsigned long)(val[b] * KP_MAP_BAR / max), i;

		kp_out_init(&t, text, sizeof(text));
		kp_map_bucket_label(d, b, &t);
		kp_out_field(o, text, t.len < sizeof(text) ? t.len : sizeof(text) - 1, 16, 1);
		kp_out_init(&t, text, sizeof(text));
		kp_out_uint(&t, (unsigned long)val[b]);
		kp_out_field(o, text, t.len, 8, 0);
		kp_out_str(o, " |");
		for (i = 0; i < KP_MAP_BAR; i++)
			kp_out_mem(o, i < bar ? "@" : " ", 1);
		kp_out_str(o, "|\n");
	}
	kp_out_str(o, "\n");
}

void kp_map_render(const struct kp_map_view *v, struct kp_out *o)
{
	const struct kp_map_desc *d = v->d;
	unsigned long ew = d->key_words + d->val_words, i;

	kp_out_str(o, "# ");
	kp_out_str(o, d->name);
	kp_out_str(o, ": ");
	kp_out_str(o, kp_map_kind_name(d->kind));
	kp_out_str(o, ", ");
	kp_out_uint(o, v->n);
	kp_out_str(o, v->n == 1 ? " entry, " : " entries, ");
	kp_out_uint(o, (unsigned long)v->drops);
	kp_out_str(o, " dropped, capacity ");
	kp_out_uint(o, d->capacity);
	kp_out_str(o, " per CPU\n");
	for (i = 0; i < v->n; i++) {
		const kp_map_word *e = v->ent + v->order[i] * ew;
		const kp_map_word *val = e + d->key_words;

		kp_out_str(o, "@");
		kp_out_str(o, d->name);
		kp_map_key_text(d, e, o);
		kp_out_str(o, ":");
		if (d->kind == KP_MAP_HIST_LOG2 || d->kind == KP_MAP_HIST_LINEAR) {
			kp_out_str(o, "\n");
			kp_map_hist_text(d, val, o);
			continue;
		}
		kp_out_str(o, " ");
		kp_out_int(o, (long)kp_map_sort_value(d, val));
		kp_out_str(o, "\n");
	}
}
