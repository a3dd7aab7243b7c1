/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Run-time control of a registry: the module parameters that select probes
 * at load, the control file's commands, the status file's lines.  Pure
 * logic like kp_registry.c (no kernel header, host-tested against a fake
 * backend); the kernel side is framework/core/kp_status.c and kp_main.c.
 * Every function here needs the registry's rt.
 */
#ifndef KP_CONTROL_H
#define KP_CONTROL_H

#include "kp_registry.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Module parameter `param` (for messages): a comma-separated list of probe
 * names and shell patterns (an item with * ? or [); adds want to every
 * probe it names.  A name that is no probe's is an error: one message,
 * -KP_EINVAL, nothing changed; a pattern may match nothing.  NULL or "":
 * nothing.  Before kp_registry_register_all.
 */
int kp_registry_select(struct kp_registry *r, const char *param, const char *list,
		       unsigned int want);
void kp_registry_want_all(struct kp_registry *r, unsigned int want);

/* The longest control command, in bytes, with its newline. */
#define KP_CTL_MAX 255

#define KP_CTL_ALL (~0u)
struct kp_ctl {
	int enable;	  /* 1: enable, 0: disable */
	unsigned int pos; /* the order position of the probe, or KP_CTL_ALL */
};

/*
 * One control write of len bytes (not NUL-terminated): "enable TARGET" or
 * "disable TARGET", TARGET a probe name, an index (the order position the
 * status file shows) or "all"; blanks around the words and one final
 * newline allowed.  0, or -KP_EINVAL with the reason in why.
 */
int kp_ctl_parse(const struct kp_registry *r, const char *buf, unsigned long len,
		 struct kp_ctl *c, struct kp_out *why);
/*
 * Parses and applies one control write: 0, -KP_EINVAL after one message
 * (bad input; nothing changed), or the backend's error.  A command that
 * names one probe that is not registered (skipped or excluded) is bad
 * input; "all" changes the registered ones.  Enabling an enabled probe,
 * disabling a disabled one: nothing to do.  Serialised by the caller.
 */
int kp_registry_control(struct kp_registry *r, const char *buf, unsigned long len);

/*
 * Overload protection: probe begin[idx]'s handlers used percent of CPU
 * cpu's time over the last ms milliseconds, over the limit (percent):
 * disables it (state "disabled (overload)" until enabled again), with one
 * line naming it; nothing if it is not enabled.  0 or the backend's error.
 * Serialised with kp_registry_control by the caller.
 */
int kp_registry_overload(struct kp_registry *r, unsigned int idx, unsigned int cpu,
			 unsigned int percent, unsigned int ms, unsigned int limit);

/* What the kernel knows about a probe for its status line. */
#define KP_HAVE_HITS 1u
#define KP_HAVE_MISSED 2u
#define KP_HAVE_MAXACTIVE 4u
struct kp_status_vals {
	unsigned int have; /* KP_HAVE_*: the columns shown as numbers, not "-" */
	unsigned long hits;
	unsigned long missed;
	long maxactive;
	const char *addr;  /* the resolved address (%pS), NULL: "-" */
	const char *error; /* a skipped probe's errno name ("-ENOENT") */
	int gone;	   /* registered, but its code went away (a module unloaded) */
};

/*
 * The status file: a header naming the columns, then one line per probe in
 * registration order, tab-separated:
 *   index kind name symbol address state hits missed maxactive
 * state: enabled, disabled, disabled (overload), skipped -ERRNO, excluded
 * or gone.
 */
void kp_status_header(struct kp_out *o);
void kp_status_line(const struct kp_registry *r, unsigned int pos,
		    const struct kp_status_vals *v, struct kp_out *o);

/* --- provided by the backend ---------------------------------------------- */

/*
 * Arms (on) or disarms probe begin[idx], registered; 0 or -errno after one
 * line saying why.  Disarming need not wait for running handlers: the
 * registry calls kp_backend_sync after a command.
 */
int kp_backend_set_enabled(const struct kp_probe_desc *d, unsigned int idx, int on);
/* One line to the kernel log: err for load errors, else a warning. */
#define KP_MSG_ERR 0
#define KP_MSG_WARN 1
void kp_backend_message(int level, const char *msg);
/* Shell pattern match (the kernel's glob_match): 1 if name matches. */
int kp_backend_glob(const char *pattern, const char *name);

#ifdef __cplusplus
}
#endif

#endif
