// SPDX-License-Identifier: GPL-2.0
/*
 * The seed README's kretprobe example, with the C macro API
 * (framework/kprobe.h): print the caller's parameters when the function
 * returns an error.
 *
 * Renames for 6.x kernels:
 *  - do_sys_open -> do_sys_openat2(int dfd, const char __user *filename,
 *    struct open_how *how) (see seed_open.c): KRETPROBE_ENTRY_HANDLER_DEFINE4
 *    becomes ..._DEFINE3, flags come from how->flags; the return type is long.
 * The entry handler also copies the file name (the user pointer alone is of
 * little use in a printk) and keeps only /tmp/kp-* files.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/openat2.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "kprobe.h"

struct parameters {
	const char __user *filename;
	int flags;
	char name[64];
};

/* do_sys_openat2 entry handler */
KRETPROBE_ENTRY_HANDLER_DEFINE3(do_sys_openat2, struct parameters *, pars,
				int, dfd, const char __user *, filename,
				struct open_how *, how)
{
	if (!current->mm)
		return -1;	/* Skip kernel threads */
	if (kp_read_user_str(pars->name, (const void __force *)filename, sizeof(pars->name)) < 0 ||
	    strncmp(pars->name, "/tmp/kp-", 8))
		return -1;	/* no return handler for this call */

	pars->filename = filename;
	pars->flags = how->flags;

	return 0;
}

/* do_sys_openat2 return handler */
KRETPROBE_RET_HANDLER_DEFINE(do_sys_openat2,
			     struct parameters *, pars, long, retval)
{
	if (retval < 0)
		pr_info("seed_kretprobe: comm=%s pid=%d filename=%s flags=0x%x retval=%ld\n",
			current->comm, task_pid_nr(current), pars->name, pars->flags, retval);
	return 0;
}
