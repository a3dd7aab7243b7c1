// SPDX-License-Identifier: GPL-2.0
/*
 * A bool argument, with the C macro API (framework/kprobe.h): tmpfs's
 * create operation, called when open(2) creates a file in /tmp (the test
 * bench's /tmp is a tmpfs):
 *   6.1:  shmem_create(struct user_namespace *, struct inode *dir,
 *                      struct dentry *, umode_t mode, bool excl)
 *   6.3+: shmem_create(struct mnt_idmap *, ...same...)
 * excl is open_flag & O_EXCL.  bool is decoded from the register's low byte
 * (the seed converted the whole register; the ABI leaves the upper bits
 * undefined).  Reports kp_guest's creations of kp-* files.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/dcache.h>
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

KPROBE_HANDLER_DEFINE5(shmem_create, SEED_IDMAP *, idmap, struct inode *, dir,
		       struct dentry *, dentry, umode_t, mode, bool, excl)
{
	if (strcmp(current->comm, "kp_guest") || strncmp(dentry->d_name.name, "kp-", 3))
		return 0;
	pr_info("seed_bool: comm=kp_guest pid=%d name=%pd mode=0%o excl=%d\n",
		task_pid_nr(current), dentry, mode, excl);
	return 0;
}
