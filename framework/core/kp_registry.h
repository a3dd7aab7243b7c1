/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registry walk: validation, ordering, registration with rollback,
 * unregistration in reverse.  Pure logic: no kernel header, so the host
 * tests compile it against a fake backend (host-tests/fake_backend.cpp).
 * The kernel backend is framework/core/kp_main.c.
 */
#ifndef KP_REGISTRY_H
#define KP_REGISTRY_H

#include "../kp_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The longest probe name, with its NUL. */
#define KP_NAME_MAX 128

/* kp_probe_rt.state */
#define KP_ST_NONE 0	 /* not walked yet, or unregistered again */
#define KP_ST_ENABLED 1	 /* registered, armed */
#define KP_ST_DISABLED 2 /* registered, disarmed (kprobes) or detached (tracepoints) */
#define KP_ST_SKIPPED 3	 /* optional, could not attach: error says why */
#define KP_ST_EXCLUDED 4 /* not registered: a module parameter said so */

/* kp_probe_rt.want: what the descriptor and the module parameters ask */
#define KP_WANT_DISABLED 1u /* register disarmed */
#define KP_WANT_EXCLUDED 2u /* do not register */
#define KP_WANT_OPTIONAL 4u /* a failure to attach skips the probe */

/* The core's view of one probe at run time, indexed like begin[]. */
struct kp_probe_rt {
	const char *name; /* the descriptor's name, or buf */
	unsigned int state;
	unsigned int want;
	int error; /* KP_ST_SKIPPED: the registration's -errno */
	unsigned int overloaded; /* KP_ST_DISABLED by kp_registry_overload, until enabled again */
	/*
	 * kp_registry_prepare's duplicate and name checks: hashes, compared
	 * before the strings, and two hash chains threaded through rt[] (no
	 * allocation): rt[b].*_head is bucket b's first entry (b = hash %
	 * count), rt[k].*_next the entry after k; pos is k's position in order[].
	 */
	unsigned int probe_hash; /* kind, offset, symbol */
	unsigned int name_hash;
	unsigned int pos;
	unsigned int probe_head, probe_next;
	unsigned int name_head, name_next;
	char buf[KP_NAME_MAX]; /* a derived name */
};

struct kp_registry {
	const struct kp_probe_desc *const *begin; /* the "kp_probes" section */
	const struct kp_probe_desc *const *end;
	unsigned int count;
	/*
	 * order[i]: index into begin[] of the i-th probe to register.  The
	 * registration order is link order across object files (probes/ files
	 * sorted by name) and declaration order within a file; compilers may
	 * emit a file's entries in any order (g++ reverses them), so the
	 * entries of one translation unit (same `unit`) are sorted by `seq`.
	 * Filled by kp_registry_prepare.
	 */
	unsigned int *order;
	/*
	 * How many of order[] have been walked by kp_registry_register_all
	 * (registered, or skipped or excluded when rt is given).
	 */
	unsigned int registered;
	/*
	 * count slots, caller-allocated, indexed like begin[]; may be NULL:
	 * then nothing is named, every probe is required and enabled.
	 */
	struct kp_probe_rt *rt;
	/*
	 * Set when register_all ran the begin handlers; unregister_all then
	 * runs the end handlers first (not on a rollback: begin never ran).
	 */
	unsigned int begun;
};

/* Validation errors, returned negated like errnos by kp_registry_prepare. */
#define KP_EINVAL 22
#define KP_EEXIST 17

/*
 * Sorts into order[] (count slots, caller-allocated), rejects malformed and
 * duplicate descriptors (same kind, symbol, offset and handlers): -KP_EINVAL
 * or -KP_EEXIST after kp_backend_report_invalid.  With rt: names every
 * probe (see kp_registry_name) and rejects a given name that is invalid
 * (-KP_EINVAL) or taken (-KP_EEXIST); want starts as the descriptor's
 * KP_F_OPTIONAL.
 */
int kp_registry_prepare(struct kp_registry *r);
/*
 * Registers in order, except what rt says is excluded; a probe that fails
 * and is optional is skipped; on the first other failure unregisters the
 * ones before it in reverse and returns the error.  When all are through,
 * calls the run handler of every enabled begin probe, in registration order.
 */
int kp_registry_register_all(struct kp_registry *r);
/*
 * After a complete register_all: first calls the run handler of every
 * enabled end probe, in registration order (every probe still live).  Then
 * unregisters everything registered, in reverse order, and waits for
 * handlers to finish.
 */
void kp_registry_unregister_all(struct kp_registry *r);

/*
 * Names (with rt).  Given: the descriptor's, at most KP_NAME_MAX-1 bytes of
 * printable ASCII without spaces, commas or the pattern characters *?[]\,
 * not "all", not only digits (those are control targets).  Derived:
 * "<file>:<line>", or "<kind>:<symbol>[+0xOFF]" with KP_F_NAME_KIND_SYMBOL;
 * a derived name that another probe already has (earlier in registration
 * order, or given) gets "#2", "#3", ...
 */
const char *kp_registry_name(const struct kp_registry *r, unsigned int idx);
/* The index into begin[] of the probe named name, or -1. */
int kp_registry_find(const struct kp_registry *r, const char *name, unsigned long len);
const char *kp_kind_name(unsigned int kind);

/*
 * Text output into a fixed buffer, always NUL-terminated: len counts what
 * was asked for, so len >= size means the text was cut.  The first skip
 * bytes asked for are dropped (0 after kp_out_init).
 */
struct kp_out {
	char *buf;
	unsigned long size;
	unsigned long len;
	unsigned long skip;
};
void kp_out_init(struct kp_out *o, char *buf, unsigned long size);
void kp_out_mem(struct kp_out *o, const char *s, unsigned long n);
void kp_out_str(struct kp_out *o, const char *s);
void kp_out_uint(struct kp_out *o, unsigned long v);
void kp_out_int(struct kp_out *o, long v);
void kp_out_hex(struct kp_out *o, unsigned long v); /* 0x... */

/*
 * The offset in a symbol as sprint_symbol() writes it, "name+0x4/0x20 [mod]":
 * 0 and *off = 0x4, or -1 when s has no "+0x<hex>/" (an address outside
 * every symbol is printed as a bare number).
 */
int kp_sym_offset(const char *s, unsigned long *off);

/* --- provided by the backend ---------------------------------------------- */

/*
 * Registers probe begin[idx], disarmed if the registry's rt[idx].want says
 * so; prints the "register at" line, or on failure one line (an optional
 * probe's says it is skipped); 0 or -errno.
 */
int kp_backend_register(const struct kp_probe_desc *d, unsigned int idx);
/*
 * Starts unregistering it and prints its "unregister at" line; the
 * unregistration is complete (and its missed counts printed) when the next
 * kp_backend_sync() returns, which the registry calls after the last one:
 * the kernel backend batches them, to wait once instead of once a probe.
 */
void kp_backend_unregister(const struct kp_probe_desc *d, unsigned int idx);
/*
 * After unregistering (or disabling): every unregistration started is
 * complete and no handler of ours runs any more when this returns.  what:
 * KP_SYNC_TRACEPOINTS if tracepoint probes were removed, KP_SYNC_KPROBES
 * if kprobes were disarmed (unregistering a kprobe waits by itself).
 */
#define KP_SYNC_TRACEPOINTS 1
#define KP_SYNC_KPROBES 2
void kp_backend_sync(int what);
/* A descriptor the registry refuses: why, and the first copy for a duplicate. */
void kp_backend_report_invalid(const struct kp_probe_desc *d, const char *why,
			       const struct kp_probe_desc *other);

#ifdef __cplusplus
}
#endif

#endif
