// SPDX-License-Identifier: GPL-2.0
/*
 * KRETPROBE_ENTRY_HANDLER_DEFINE0 (the seed's did not compile: it passed
 * two arguments to a three-parameter helper macro) with `long` private data
 * (the seed computed data_size as sizeof(*((long)0)), which does not
 * compile), with the C macro API (framework/kprobe.h).
 *
 * As in the seed, the private data argument is (type)ri->data: for long,
 * the ADDRESS of a long-sized per-call slot, used as *(long *)slot.  The
 * entry handler stores the caller's pid there; the return handler prints it
 * next to do_sys_openat2's result (the fd or -errno), for kp_guest only.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "kprobe.h"

KRETPROBE_ENTRY_HANDLER_DEFINE0(do_sys_openat2, long, slot)
{
	if (strcmp(current->comm, "kp_guest"))
		return 1;
	*(long *)slot = task_pid_nr(current);
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(do_sys_openat2, long, slot, long, retval)
{
	pr_info("seed_noargs: pid=%d slot=%ld ret=%ld\n", task_pid_nr(current), *(long *)slot,
		retval);
	return 0;
}
