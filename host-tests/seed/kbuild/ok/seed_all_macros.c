// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-only: every macro of framework/kprobe.h with kernel types, built
 * by host-tests/seed/kbuild-check.sh against real kernel headers (with no
 * warning allowed from this file or the headers of the API).  The probed
 * symbols do not exist: this module is never loaded.
 */
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/types.h>

#include "kprobe.h"

struct seed_call {
	u64 stamp;
	int flags;
};

KPROBE_HANDLER_DEFINE0(kp_seed_f0)
{
	return 1;
}

KPROBE_HANDLER_DEFINE1(kp_seed_f1, bool, a)
{
	return a;
}

KPROBE_HANDLER_DEFINE2(kp_seed_f2, s8, a, u16, b)
{
	return a + b;
}

KPROBE_HANDLER_DEFINE3(kp_seed_f3, const char __user *, a, umode_t, b, loff_t, c)
{
	return a != NULL && b && c;
}

KPROBE_HANDLER_DEFINE4(kp_seed_f4, struct inode *, a, struct file *, b, unsigned long, c,
		       gfp_t, d)
{
	return a == NULL && b == NULL && c && d;
}

KPROBE_HANDLER_DEFINE5(kp_seed_f5, int, a, int, b, int, c, int, d, pid_t, e)
{
	return a + b + c + d + e;
}

KPROBE_HANDLER_DEFINE6(kp_seed_f6, int, a, long, b, short, c, bool, d, void *, e, size_t, f)
{
	return a + b + c + d + (e != NULL) + f;
}

KPROBE_HANDLER_DEFINE_OFFSET(kp_seed_f6, 0x10, struct pt_regs *, regs)
{
	return KP_C_ARG(int, regs, 0) + (int)KP_C_ARG_REG(regs, 5);
}

/* a kprobe and a kretprobe on one function, in one file (defect 2) */
KRETPROBE_ENTRY_HANDLER_DEFINE0(kp_seed_f0, long, slot)
{
	*(long *)slot = 1;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f0, long, slot, bool, retval)
{
	return *(long *)slot + retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE1(kp_seed_f1, struct seed_call *, call, bool, a)
{
	call->flags = a;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f1, struct seed_call *, call, struct file *, retval)
{
	return call->flags && retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE2(kp_seed_f2, struct seed_call *, call, s8, a, u16, b)
{
	call->flags = a + b;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f2, struct seed_call *, call, long, retval)
{
	return call->flags + retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE3(kp_seed_f3, long, slot, int, a, int, b, int, c)
{
	*(long *)slot = a + b + c;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f3, long, slot, unsigned int, retval)
{
	return *(long *)slot + retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE4(kp_seed_f4, long, slot, int, a, int, b, int, c, int, d)
{
	*(long *)slot = a + b + c + d;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f4, long, slot, int, retval)
{
	return *(long *)slot + retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE5(kp_seed_f5, long, slot, int, a, int, b, int, c, int, d, int, e)
{
	*(long *)slot = a + b + c + d + e;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f5, long, slot, u8, retval)
{
	return *(long *)slot + retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE6(kp_seed_f6, struct seed_call *, call, int, a, long, b, short, c,
				bool, d, void *, e, size_t, f)
{
	call->stamp = a + b + c + d + (e != NULL) + f;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f6, struct seed_call *, call, void *, retval)
{
	return call->stamp && retval;
}

KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(kp_seed_f7, 0, long, slot, struct pt_regs *, regs)
{
	*(long *)slot = KP_C_ARG_REG(regs, 0);
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(kp_seed_f7, long, slot, long, retval)
{
	return *(long *)slot == retval;
}

TRACEPOINT_HANDLER_DEFINE(kp_seed_tp, int sig, struct kernel_siginfo *info,
			  struct task_struct *task, int group, int result)
{
	if (sig && info && task && group && result)
		barrier();
}
