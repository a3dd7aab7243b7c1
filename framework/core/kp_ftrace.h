/* SPDX-License-Identifier: GPL-2.0 */
/* Entry probes on ftrace (kp_ftrace.c), called by kp_main.c: kernel code only. */
#ifndef KP_FTRACE_H
#define KP_FTRACE_H

#include <linux/types.h>

struct kp_probe_desc;

/* Room for n entry probes (0 or -ENOMEM); kp_ftrace_free() at the end. */
int kp_ftrace_prepare(unsigned int n);
void kp_ftrace_free(void);
/*
 * Resolves d's symbol (or matches its pattern) and queues its functions,
 * disabled if off: 0 or -errno (a pattern's failure: why it failed, in why);
 * *addr its (first) function's start, *nfuncs how many functions.
 */
int kp_ftrace_add(const struct kp_probe_desc *d, unsigned int idx, int off, unsigned long *addr,
		  unsigned int *nfuncs, char *why, size_t size);
/* After the registry walk: every queued probe attached in one filter update. */
int kp_ftrace_commit(void);
void kp_ftrace_set_enabled(unsigned int idx, int on);
int kp_ftrace_status(unsigned int idx, unsigned long *addr, unsigned long *missed,
		     unsigned int *nfuncs);
/* After the registry unregistered them all: detached, no callback runs any more. */
void kp_ftrace_sync(void);

#endif
