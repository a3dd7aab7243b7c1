// SPDX-License-Identifier: GPL-2.0
// The seed's signal_generate tracepoint, with the 6.x TP_PROTO:
// (int sig, struct kernel_siginfo *info, struct task_struct *task,
//  int group, int result).  SIGCHLD, which every exiting child sends, is
// left out.
#include "kp.hpp"

static void on_signal(int sig, kernel_siginfo *, task_struct *task, int group, int result)
{
	static const char *const result_name[] = {
		"delivered", "ignored", "already_pending", "overflow_fail", "lose_info",
	};

	if (sig == 17) // SIGCHLD on x86_64 and arm64
		return;
	kp_printk("signal_generate: comm=%s pid=%d sig=%d target_pid=%d group=%d result=%s\n",
		  kp::current_comm().str, kp::current_pid(), sig, kp::task_pid(task), group,
		  result >= 0 && result < 5 ? result_name[result] : "?");
}

KP_PROBE(kp::Tracepoint<"signal_generate",
			kp::Args<int, kernel_siginfo *, task_struct *, int, int>>,
	 on_signal);
