// SPDX-License-Identifier: GPL-2.0
/*
 * The seed README's __close_fd kprobe ("kprobe register at __close_fd"),
 * with the C macro API (framework/kprobe.h).
 *
 * Renames for 6.x kernels:
 *  - __close_fd(struct files_struct *files, unsigned int fd) became
 *    close_fd(unsigned int fd) in 5.11 (6.1) and file_close_fd(unsigned int fd)
 *    in 6.8 (6.12): KPROBE_HANDLER_DEFINE2 becomes KPROBE_HANDLER_DEFINE1.
 * Reports the fds closed by processes named kp_guest (the test bench).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/version.h>

#include "kprobe.h"

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
KPROBE_HANDLER_DEFINE1(file_close_fd, unsigned int, fd)
#else
KPROBE_HANDLER_DEFINE1(close_fd, unsigned int, fd)
#endif
{
	if (!strcmp(current->comm, "kp_guest"))
		pr_info("seed_close: comm=kp_guest pid=%d fd=%u\n", task_pid_nr(current), fd);
	return 0;
}
