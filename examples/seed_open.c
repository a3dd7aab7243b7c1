// SPDX-License-Identifier: GPL-2.0
/*
 * The seed README's kprobe example, with the C macro API (framework/kprobe.h).
 *
 * Renames for 6.x kernels:
 *  - do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
 *    -> do_sys_openat2(int dfd, const char __user *filename, struct open_how *how):
 *    open(2) and openat(2) reach it on 6.1 and 6.12 (do_sys_open may be
 *    inlined into its callers); flags and mode are in *how, so
 *    KPROBE_HANDLER_DEFINE4 becomes KPROBE_HANDLER_DEFINE3.
 * Reports opens of /tmp/kp-* files only (the seed printed the mode of every open).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/openat2.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "kprobe.h"

KPROBE_HANDLER_DEFINE3(do_sys_openat2,
		       int, dfd, const char __user *, filename,
		       struct open_how *, how)
{
	char name[64];

	if (kp_read_user_str(name, (const void __force *)filename, sizeof(name)) < 0 ||
	    strncmp(name, "/tmp/kp-", 8))
		return 0;
	/* Now you get all parameters. */
	pr_info("seed_open: comm=%s pid=%d dfd=%d filename=%s flags=0x%llx mode=0%llo\n",
		current->comm, task_pid_nr(current), dfd, name, how->flags, how->mode);
	return 0;
}
