// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel services for C++ handlers (declared in kp_abi.h).  Each is a
 * plain out-of-line call: C++ cannot include the kernel headers that would
 * let it inline them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "../kp_abi.h"

void kp_printk(const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	printk(KERN_INFO pr_fmt("%pV"), &vaf);
	va_end(args);
}

long kp_read_kernel(void *dst, const void *src, unsigned long n)
{
	return copy_from_kernel_nofault(dst, src, n);
}

long kp_read_user(void *dst, const void *usrc, unsigned long n)
{
	return copy_from_user_nofault(dst, (const void __user *)usrc, n);
}

/*
 * strncpy_from_user_nofault is not exported on every kernel we support
 * (arm64 6.1): copy page-bounded chunks with copy_from_user_nofault.
 */
long kp_read_user_str(char *dst, const void *usrc, unsigned long size)
{
	unsigned long addr = (unsigned long)usrc, done = 0;

	if (!size)
		return -EFAULT;
	while (done < size - 1) {
		unsigned long chunk = min(size - 1 - done, PAGE_SIZE - ((addr + done) & ~PAGE_MASK));
		char *nul;

		if (copy_from_user_nofault(dst + done, (const void __user *)(addr + done), chunk)) {
			dst[0] = '\0';
			return -EFAULT;
		}
		nul = memchr(dst + done, '\0', chunk);
		if (nul)
			return nul - dst;
		done += chunk;
	}
	dst[done] = '\0';
	return done;
}

int kp_current_pid(void)
{
	return task_pid_nr(current);
}

int kp_current_tgid(void)
{
	return task_tgid_nr(current);
}

void kp_current_comm(char *dst, unsigned long size)
{
	if (size) {
		strscpy(dst, current->comm, min_t(unsigned long, size, TASK_COMM_LEN));
	}
}

int kp_task_pid(const struct task_struct *task)
{
	return task_pid_nr((struct task_struct *)task);
}

int kp_task_tgid(const struct task_struct *task)
{
	return task_tgid_nr((struct task_struct *)task);
}
