// SPDX-License-Identifier: GPL-2.0
/*
 * The seed README's inode_permission kretprobe ("kretprobe register at
 * inode_permission"), with the C macro API (framework/kprobe.h).
 *
 * Renames for 6.x kernels:
 *  - inode_permission(struct inode *, int mask) gained a first argument:
 *    struct user_namespace * (5.12 .. 6.2, so 6.1) and struct mnt_idmap *
 *    (6.3+, so 6.12).
 * Reports the failures seen by processes named kp_guest (the test bench).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/version.h>

#include "kprobe.h"

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define SEED_IDMAP struct mnt_idmap
#else
#define SEED_IDMAP struct user_namespace
#endif

struct perm_call {
	struct inode *inode;
	int mask;
};

KRETPROBE_ENTRY_HANDLER_DEFINE3(inode_permission, struct perm_call *, call,
				SEED_IDMAP *, idmap, struct inode *, inode, int, mask)
{
	if (strcmp(current->comm, "kp_guest"))
		return 1;	/* inode_permission is hot: only the bench's calls */
	call->inode = inode;
	call->mask = mask;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(inode_permission, struct perm_call *, call, int, retval)
{
	if (retval < 0)
		pr_info("seed_inode_permission: comm=%s pid=%d ino=%lu mask=0x%x ret=%d\n",
			current->comm, task_pid_nr(current), call->inode->i_ino, call->mask,
			retval);
	return 0;
}
