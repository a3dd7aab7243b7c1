/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The maps' reader: validation, the per-CPU merge, sorting and the text of
 * /sys/kernel/debug/kp-<module>/maps/<name>, and clearing.  Pure logic, no
 * kernel header: the host tests compile it (framework/core/kp_map_read.c).
 * The kernel side (allocation, debugfs, unload) is kp_maps.c.
 */
#ifndef KP_MAP_READ_H
#define KP_MAP_READ_H

#include "../kp_map.h"
#include "kp_registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What is wrong with a descriptor, or NULL. */
const char *kp_map_malformed(const struct kp_map_desc *d);
/* Bytes of one CPU's table. */
unsigned long kp_map_table_bytes(const struct kp_map_desc *d);
/*
 * Empties a table (slot by slot: the key and value first, the tag last).
 * Safe against the owning CPU's handlers updating it meanwhile (they may
 * then lose or keep an update in flight), not against another clear.
 */
void kp_map_clear_table(const struct kp_map_desc *d, kp_map_word *table);

/* The merge of every CPU's table: one entry per key, sorted. */
struct kp_map_view {
	const struct kp_map_desc *d;
	unsigned long n;     /* entries */
	kp_map_word drops;   /* over every CPU */
	kp_map_word *ent;    /* n entries of key_words + val_words words */
	unsigned int *order; /* entry indexes, by value descending, then key ascending */
	unsigned int *index; /* the merge's hash index */
	unsigned long max, isize;
};
/* Scratch bytes kp_map_merge needs for ncpu tables. */
unsigned long kp_map_scratch_bytes(const struct kp_map_desc *d, unsigned int ncpu);
/*
 * Merges tables[0..ncpu) (NULL entries skipped): counts, sums and buckets
 * added, min of the mins, max of the maxes; drops added.
 */
void kp_map_merge(struct kp_map_view *v, const struct kp_map_desc *d, kp_map_word *const *tables,
		  unsigned int ncpu, void *scratch);
/*
 * The text: a "# name: kind, N entries, D dropped, capacity C per CPU"
 * line, then "@name[key]: value" per entry (avg: sum / count, truncated),
 * or per histogram "@name[key]:", its buckets from the first to the last
 * non-empty one drawn like bpftrace's ("[4, 8)  12 |@@@@   |"), an empty
 * line.
 */
void kp_map_render(const struct kp_map_view *v, struct kp_out *o);
/* The histogram bucket line's label: "[0]", "[2, 4)", "[1K, 2K)", "(..., 0)", "[100, ...)". */
void kp_map_bucket_label(const struct kp_map_desc *d, unsigned int b, struct kp_out *o);
const char *kp_map_kind_name(unsigned int kind);

#ifdef __cplusplus
}
#endif

#endif
