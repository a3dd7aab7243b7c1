// SPDX-License-Identifier: GPL-2.0
/*
 * The seed README's tracepoint example, with the C macro API
 * (framework/kprobe.h).
 *
 * Renames for 6.x kernels:
 *  - struct siginfo -> struct kernel_siginfo (the TP_PROTO of
 *    signal_generate since 4.20: int sig, struct kernel_siginfo *info,
 *    struct task_struct *task, int group, int result).
 * Reports SIGUSR1 only (the test bench's signal); the seed's "deliverd" is
 * spelled "delivered" and result is bounds-checked before indexing.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>

#include "kprobe.h"

/* tracepoint signal_generate */
TRACEPOINT_HANDLER_DEFINE(signal_generate,
			  int sig, struct kernel_siginfo *info,
			  struct task_struct *task, int group, int result)
{
	static const char *const result_name[] = {
		"delivered",
		"ignored",
		"already_pending",
		"overflow_fail",
		"lose_info",
	};

	if (sig != SIGUSR1)
		return;
	pr_info("seed_signal: comm=%s pid=%d sig=%d %s target_comm=%s target_pid=%d result=%s\n",
		current->comm, task_pid_nr(current), sig, group ? "group" : "single",
		task->comm, task_pid_nr(task),
		(unsigned int)result < ARRAY_SIZE(result_name) ? result_name[result] : "?");
}
