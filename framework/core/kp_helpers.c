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
 * One page-bounded piece of a nofault copy: copy_from_user_nofault or
 * copy_from_kernel_nofault (0 or an errno, as both return).
 */
static long kp_copy_nofault(void *dst, unsigned long addr, unsigned long n, bool user)
{
	if (user)
		return copy_from_user_nofault(dst, (const void __user *)addr, n);
	return copy_from_kernel_nofault(dst, (const void *)addr, n);
}

static unsigned long kp_to_page_end(unsigned long addr, unsigned long n)
{
	return min(n, PAGE_SIZE - (addr & ~PAGE_MASK));
}

long kp_read_user_bytes(void *dst, const void *usrc, unsigned long n)
{
	unsigned long addr = (unsigned long)usrc, done = 0;

	while (done < n) {
		unsigned long chunk = kp_to_page_end(addr + done, n - done);

		if (kp_copy_nofault((char *)dst + done, addr + done, chunk, true))
			break;
		done += chunk;
	}
	return done;
}

/*
 * strncpy_from_user_nofault and strncpy_from_kernel_nofault are exported on
 * none of the four kernels (Debian 6.1, 6.12, amd64, arm64): copy
 * page-bounded chunks (a mapped page is mapped whole, so reading past the
 * NUL up to the page's end cannot fault where the string did not).
 */
static long kp_read_str(char *dst, unsigned long addr, unsigned long size, bool user)
{
	unsigned long done = 0;

	if (!size)
		return -EFAULT;
	while (done < size - 1) {
		unsigned long chunk = kp_to_page_end(addr + done, size - 1 - done);
		char *nul;

		if (kp_copy_nofault(dst + done, addr + done, chunk, user)) {
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

long kp_read_user_str(char *dst, const void *usrc, unsigned long size)
{
	return kp_read_str(dst, (unsigned long)usrc, size, true);
}

long kp_read_kernel_str(char *dst, const void *src, unsigned long size)
{
	return kp_read_str(dst, (unsigned long)src, size, false);
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
