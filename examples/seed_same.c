// SPDX-License-Identifier: GPL-2.0
/*
 * A kprobe and a kretprobe on the same function in one file (the seed named
 * both handlers <func>_handler and this did not compile), with the C macro
 * API (framework/kprobe.h).  The function is the one close(2) calls:
 * close_fd(unsigned int fd) -> int (0 or -EBADF) up to 6.7,
 * file_close_fd(unsigned int fd) -> struct file * (NULL if fd was not open)
 * from 6.8.  The function name is given through a macro: the API expands it.
 *
 * The kprobe body returns non-zero on purpose: the seed handed that value to
 * the kernel (at an ftrace-based kprobe: a return to a broken address); the
 * generated pre_handler returns 0.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/version.h>

#include "kprobe.h"

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define SEED_CLOSE file_close_fd
#define SEED_CLOSE_RET struct file *
#define SEED_CLOSED(ret) ((ret) != NULL)
#else
#define SEED_CLOSE close_fd
#define SEED_CLOSE_RET int
#define SEED_CLOSED(ret) ((ret) == 0)
#endif

static bool seed_is_guest(void)
{
	return !strcmp(current->comm, "kp_guest");
}

KPROBE_HANDLER_DEFINE1(SEED_CLOSE, unsigned int, fd)
{
	if (seed_is_guest())
		pr_info("seed_same_kprobe: pid=%d fd=%u\n", task_pid_nr(current), fd);
	return -1;	/* ignored (the seed: "skip single-step") */
}

struct close_call {
	unsigned int fd;
};

KRETPROBE_ENTRY_HANDLER_DEFINE1(SEED_CLOSE, struct close_call *, call, unsigned int, fd)
{
	if (!seed_is_guest())
		return 1;
	call->fd = fd;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(SEED_CLOSE, struct close_call *, call, SEED_CLOSE_RET, ret)
{
	pr_info("seed_same_kretprobe: pid=%d fd=%u closed=%d\n", task_pid_nr(current), call->fd,
		SEED_CLOSED(ret));
	return 0;
}
