// SPDX-License-Identifier: GPL-2.0
/*
 * Must NOT compile (host-tests/seed/kbuild-check.sh): a kretprobe at a
 * non-zero offset.  The seed compiled this and failed at module load
 * (register_kretprobe: -EINVAL); kprobe.h makes it a build error.
 */
#include <linux/ptrace.h>

#include "kprobe.h"

KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(do_sys_openat2, 0x5, long, slot, struct pt_regs *, regs)
{
	*(long *)slot = KP_C_ARG_REG(regs, 0);
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(do_sys_openat2, long, slot, long, retval)
{
	return *(long *)slot == retval;
}
