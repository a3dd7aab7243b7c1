// SPDX-License-Identifier: GPL-2.0
/*
 * The seed README's "kprobe at offset" example, with the C macro API
 * (framework/kprobe.h).
 *
 * Renames for 6.x kernels:
 *  - do_sys_open -> do_sys_openat2 (see seed_open.c).
 *  - offset 0x5 stays on x86_64: do_sys_openat2 (static, no endbr64) starts
 *    with the 5-byte `call __fentry__`, so +0x5 is the next instruction.
 *    arm64 instructions are 4 bytes and the function starts with the two
 *    patchable-entry NOPs ftrace uses (+0x0, +0x4; +0x4 is the ftrace call
 *    site, which a non-ftrace kprobe may not use): +0x8 there.
 * Both offsets are before the function touches its argument registers, so
 * the body reads dfd and filename from them, through the arch table.
 *
 * The body returns non-zero on purpose: the seed handed that value to the
 * kernel, which then skips single-stepping the probed instruction and
 * resumes at a broken address; the generated pre_handler returns 0.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "kprobe.h"

#ifdef CONFIG_ARM64
#define SEED_OPEN_OFFSET 0x8
#else
#define SEED_OPEN_OFFSET 0x5
#endif

KPROBE_HANDLER_DEFINE_OFFSET(do_sys_openat2, SEED_OPEN_OFFSET,
			     struct pt_regs *, regs)
{
	/*
	 * The context registers are stored in the struct pt_regs; argument
	 * registers are read through the arch table (arch/kp_arch.h).
	 */
	int dfd = KP_C_ARG(int, regs, 0);
	const char __user *filename = KP_C_ARG(const char __user *, regs, 1);
	char name[64];

	if (kp_read_user_str(name, (const void __force *)filename, sizeof(name)) < 0 ||
	    strncmp(name, "/tmp/kp-", 8))
		return 1;
	pr_info("seed_offset: comm=%s pid=%d off=0x%x dfd=%d filename=%s\n", current->comm,
		task_pid_nr(current), SEED_OPEN_OFFSET, dfd, name);
	return 1;	/* ignored (the seed: "skip single-step") */
}
