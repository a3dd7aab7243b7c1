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
	unsigned int registered; /* how many of order[] are registered now */
};

/* Validation errors, returned negated like errnos by kp_registry_prepare. */
#define KP_EINVAL 22
#define KP_EEXIST 17

/*
 * Sorts into order[] (count slots, caller-allocated), rejects malformed and
 * duplicate descriptors (same kind, symbol, offset and handlers): -KP_EINVAL
 * or -KP_EEXIST after kp_backend_report_invalid.
 */
int kp_registry_prepare(struct kp_registry *r);
/* Registers in order; on the first failure unregisters the ones before it in reverse. */
int kp_registry_register_all(struct kp_registry *r);
/* Unregisters everything registered, in reverse order, then waits for handlers to finish. */
void kp_registry_unregister_all(struct kp_registry *r);

/* --- provided by the backend ---------------------------------------------- */

/* Registers probe begin[idx]; prints the "register at" line; 0 or -errno. */
int kp_backend_register(const struct kp_probe_desc *d, unsigned int idx);
/* Unregisters it; prints the "unregister at" line and missed counts. */
void kp_backend_unregister(const struct kp_probe_desc *d, unsigned int idx);
/* After unregistering: no handler of ours runs any more when this returns. */
void kp_backend_sync(int had_tracepoints);
/* A descriptor the registry refuses: why, and the first copy for a duplicate. */
void kp_backend_report_invalid(const struct kp_probe_desc *d, const char *why,
			       const struct kp_probe_desc *other);

#ifdef __cplusplus
}
#endif

#endif
