/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The maps' hot path: find or insert a key in the current CPU's table and
 * return its value words.  C, includable from C++, no kernel header: the
 * C++ maps (framework/kp/maps.hpp) and the C macros (framework/kprobe.h)
 * inline the same code, with the table geometry as constants.
 *
 * Context: a handler runs with preemption off on one CPU, and only that
 * CPU writes its table (readers on other CPUs only load).  What can run in
 * between on the same CPU is an interrupt or an NMI whose handler updates
 * the same map (a tracepoint or kprobe hit from an interrupt).  So every
 * write is a single local operation (arch/x86_64: one instruction without
 * a lock prefix, like local_t; elsewhere a relaxed compiler atomic), and a
 * new key is inserted in three steps: claim the empty slot with a local
 * compare-and-exchange (0 -> KP_MAP_TAG_BUSY), write the key and the first
 * value, publish the tag (hash | 1) with release order.  A nested update
 * that meets a slot being claimed skips it and probes on: it may insert
 * the same key in another slot of the table, which the reader merges like
 * the same key on two CPUs.  An update that finds no slot for its key
 * (every slot taken by another key) adds one to the table's drop counter.
 */
#ifndef KP_MAP_H
#define KP_MAP_H

#include "kp_abi.h"
#include "../arch/kp_arch.h"

#ifdef __cplusplus
extern "C" {
#endif
/* this_cpu_read(*pcp), in the core: for arches without an inline one (arm64). */
void *kp_percpu_read_ptr(void *const *pcp);
#if !defined(__KERNEL__)
/* host tests: the "current CPU" whose table the hot path uses */
extern unsigned int kp_host_map_cpu;
#endif
#ifdef __cplusplus
}
#endif

typedef unsigned long long kp_map_word;

#define KP_MAP_INLINE static inline __attribute__((always_inline, unused))

#if defined(__KERNEL__) && defined(KP_NATIVE_HAS_LOCAL_OPS)
#define kp_map_local_cmpxchg kp_native_local_cmpxchg
#define kp_map_local_add kp_native_local_add
#else
KP_MAP_INLINE kp_map_word kp_map_local_cmpxchg(kp_map_word *p, kp_map_word old, kp_map_word val)
{
	__atomic_compare_exchange_n(p, &old, val, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
	return old;
}
KP_MAP_INLINE void kp_map_local_add(kp_map_word *p, kp_map_word v)
{
	__atomic_fetch_add(p, v, __ATOMIC_RELAXED);
}
#endif

/* The current CPU's table. */
KP_MAP_INLINE kp_map_word *kp_map_this_table(const struct kp_map_state *s)
{
#if !defined(__KERNEL__)
	return (kp_map_word *)s->tables[kp_host_map_cpu];
#elif defined(KP_NATIVE_HAS_LOCAL_OPS)
	return (kp_map_word *)kp_native_percpu_read_ptr(s->tables);
#else
	return (kp_map_word *)kp_percpu_read_ptr(s->tables);
#endif
}

/* Words of one slot and of one CPU's table. */
#define KP_MAP_SLOT_WORDS(key_words, val_words) (1u + (key_words) + (val_words))
#define KP_MAP_TABLE_WORDS(cap, key_words, val_words)                                   \
	(1ul + (unsigned long)(cap) * KP_MAP_SLOT_WORDS(key_words, val_words))

/* A 64-bit hash of the key words (a multiply-xorshift mix per word). */
KP_MAP_INLINE kp_map_word kp_map_hash(const kp_map_word *key, unsigned int n)
{
	kp_map_word h = 0x9e3779b97f4a7c15ull;
	unsigned int i;

	for (i = 0; i < n; i++) {
		h = (h ^ key[i]) * 0xff51afd7ed558ccdull;
		h ^= h >> 29;
	}
	return h * 0xc4ceb9fe1a85ec53ull;
}

/* The first slot probed: the hash's top 32 bits scaled to [0, cap) (no division). */
KP_MAP_INLINE unsigned int kp_map_home(kp_map_word hash, unsigned int cap)
{
	return (unsigned int)(((hash >> 32) * cap) >> 32);
}

KP_MAP_INLINE int kp_map_key_eq(const kp_map_word *a, const kp_map_word *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/*
 * The value words of key (key_words words) in the current CPU's table,
 * inserting it if needed (its value words zeroed, word 0 set to first);
 * NULL, and one more drop counted, when the table has no slot for it.
 */
KP_MAP_INLINE kp_map_word *kp_map_slot(const struct kp_map_state *s, unsigned int cap,
				       unsigned int key_words, unsigned int val_words,
				       const kp_map_word *key, kp_map_word first)
{
	kp_map_word *t = kp_map_this_table(s);
	kp_map_word hash = kp_map_hash(key, key_words);
	kp_map_word tag = hash | 1;
	unsigned int i = kp_map_home(hash, cap), n, k;

	for (n = 0; n < cap; n++) {
		kp_map_word *slot = t + 1 + (unsigned long)i * KP_MAP_SLOT_WORDS(key_words, val_words);
		kp_map_word cur = *(volatile kp_map_word *)slot;

		if (cur == 0) {
			cur = kp_map_local_cmpxchg(slot, 0, KP_MAP_TAG_BUSY);
			if (cur == 0) {
				for (k = 0; k < key_words; k++)
					slot[1 + k] = key[k];
				slot[1 + key_words] = first;
				for (k = 1; k < val_words; k++)
					slot[1 + key_words + k] = 0;
				__atomic_store_n(slot, tag, __ATOMIC_RELEASE);
				return slot + 1 + key_words;
			}
			/* an interrupt on this CPU claimed it first (and published it) */
		}
		if (cur == tag && kp_map_key_eq(slot + 1, key, key_words))
			return slot + 1 + key_words;
		if (++i == cap)
			i = 0;
	}
	kp_map_local_add(t, 1);
	return 0;
}

/* Min and max: a local compare-and-exchange loop (an interrupt may update in between). */
KP_MAP_INLINE void kp_map_local_min(kp_map_word *p, long long v)
{
	kp_map_word cur = *(volatile kp_map_word *)p;

	while (v < (long long)cur) {
		kp_map_word seen = kp_map_local_cmpxchg(p, cur, (kp_map_word)v);

		if (seen == cur)
			break;
		cur = seen;
	}
}

KP_MAP_INLINE void kp_map_local_max(kp_map_word *p, long long v)
{
	kp_map_word cur = *(volatile kp_map_word *)p;

	while (v > (long long)cur) {
		kp_map_word seen = kp_map_local_cmpxchg(p, cur, (kp_map_word)v);

		if (seen == cur)
			break;
		cur = seen;
	}
}

/* The log2 histogram's bucket of v: (..., 0), [0], [1], [2, 4), ..., [2^62, 2^63). */
KP_MAP_INLINE unsigned int kp_map_log2_bucket(long long v)
{
	if (v < 0)
		return 0;
	if (v == 0)
		return 1;
	return 2 + (63 - (unsigned int)__builtin_clzll((kp_map_word)v));
}

/* Buckets of a linear histogram: (..., min), ceil((max - min) / step) steps, [max, ...). */
#define KP_MAP_LINEAR_BUCKETS(min, max, step) (2u + (unsigned int)(((max) - (min) + (step) - 1) / (step)))

KP_MAP_INLINE unsigned int kp_map_linear_bucket(long long v, long long min, long long max,
						long long step)
{
	if (v < min)
		return 0;
	if (v >= max)
		return KP_MAP_LINEAR_BUCKETS(min, max, step) - 1;
	return 1 + (unsigned int)((kp_map_word)(v - min) / (kp_map_word)step);
}

/*
 * One update of map d (a constant descriptor: its geometry folds into the
 * code) with value v: count += 1 (KP_MAP_COUNT counts v), sum += v, min,
 * max, avg's count and sum, or the histogram bucket of v += 1.
 */
KP_MAP_INLINE void kp_map_update(const struct kp_map_desc *d, const kp_map_word *key, long long v)
{
	unsigned int b = 0;
	kp_map_word *val;

	if (d->kind == KP_MAP_HIST_LOG2)
		b = kp_map_log2_bucket(v);
	else if (d->kind == KP_MAP_HIST_LINEAR)
		b = kp_map_linear_bucket(v, d->lin_min, d->lin_max, d->lin_step);
	val = kp_map_slot(d->state, d->capacity, d->key_words, d->val_words, key,
			  d->kind == KP_MAP_MIN || d->kind == KP_MAP_MAX ? (kp_map_word)v : 0);
	if (!val)
		return;
	switch (d->kind) {
	case KP_MAP_COUNT:
	case KP_MAP_SUM:
		kp_map_local_add(val, (kp_map_word)v);
		break;
	case KP_MAP_MIN:
		kp_map_local_min(val, v);
		break;
	case KP_MAP_MAX:
		kp_map_local_max(val, v);
		break;
	case KP_MAP_AVG:
		kp_map_local_add(val, 1);
		kp_map_local_add(val + 1, (kp_map_word)v);
		break;
	default:
		kp_map_local_add(val + b, 1);
		break;
	}
}

#endif
