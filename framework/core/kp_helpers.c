// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel services for C++ handlers (declared in kp_abi.h).  Each is a
 * plain out-of-line call: C++ cannot include the kernel headers that would
 * let it inline them.
 */

#include <linux/cred.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/pid.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/uidgid.h>

#include "../kp_abi.h"
#include "kp_core.h"

void kp_printk(const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	kp_info("%pV", &vaf);
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

/*
 * The probe context.  Every one of these may run in any probe context
 * (kprobe, kretprobe, tracepoint; process, softirq, hardirq or NMI): they
 * read the current task or this CPU and take no lock.  Handlers run with
 * preemption off, so current and the CPU do not change under them.
 */

int kp_current_pid(void)
{
	return task_pid_nr(current);
}

int kp_current_tgid(void)
{
	return task_tgid_nr(current);
}

/*
 * comm without __get_task_comm's task_lock (a spinlock: a probe inside a
 * task_lock section would deadlock, and NMIs may not take it): a rename
 * may tear the copy, never unterminate it (comm[TASK_COMM_LEN-1] is NUL);
 * bpf_get_current_comm reads it the same way.
 */
static void kp_copy_comm(char *dst, unsigned long size, const struct task_struct *task)
{
	if (size)
		strscpy(dst, task->comm, min_t(unsigned long, size, TASK_COMM_LEN));
}

void kp_current_comm(char *dst, unsigned long size)
{
	kp_copy_comm(dst, size, current);
}

/*
 * A task reads its own credentials without locking (current_cred(),
 * Documentation/security/credentials.rst); a handler that interrupted
 * the task runs with preemption off, inside the RCU read-side section
 * that keeps a replaced cred alive.  IDs as seen from the initial user
 * namespace, as bpf_get_current_uid_gid gives them.
 */
unsigned int kp_current_uid(void)
{
	return from_kuid(&init_user_ns, current_uid());
}

unsigned int kp_current_gid(void)
{
	return from_kgid(&init_user_ns, current_gid());
}

unsigned int kp_cpu(void)
{
	return raw_smp_processor_id();
}

/*
 * ktime_get_mono_fast_ns: CLOCK_MONOTONIC, NMI-safe (its seqcount
 * latch never spins on a writer); ktime_get_ns may spin on the timekeeping
 * seqcount, forever in an NMI that interrupted the writer.
 */
unsigned long long kp_time_ns(void)
{
	return ktime_get_mono_fast_ns();
}

int kp_task_pid(const struct task_struct *task)
{
	return task_pid_nr((struct task_struct *)task);
}

int kp_task_tgid(const struct task_struct *task)
{
	return task_tgid_nr((struct task_struct *)task);
}

void kp_task_comm(const struct task_struct *task, char *dst, unsigned long size)
{
	kp_copy_comm(dst, size, task);
}

/* Another task's credentials: under rcu_read_lock (task_cred_xxx takes it). */
unsigned int kp_task_uid(const struct task_struct *task)
{
	return from_kuid(&init_user_ns, task_cred_xxx((struct task_struct *)task, uid));
}

unsigned int kp_task_gid(const struct task_struct *task)
{
	return from_kgid(&init_user_ns, task_cred_xxx((struct task_struct *)task, gid));
}

/*
 * stack_trace_save skips itself; skipnr 1 skips this function too.  Not a
 * tail call (the barrier), so this frame is the one skipped.
 */
noinline unsigned int kp_stack_save(unsigned long *entries, unsigned int max)
{
	unsigned int n = stack_trace_save(entries, max, 1);

	barrier();
	return n;
}

int kp_stack_format(char *buf, unsigned long size, const unsigned long *entries, unsigned int n)
{
	int len = 0;
	unsigned int i;

	if (!size)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		len += scnprintf(buf + len, size - len, "%s%pS", i ? " " : "", (void *)entries[i]);
	return len;
}
