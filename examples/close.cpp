// SPDX-License-Identifier: GPL-2.0
// The seed's __close_fd example.  close(2) calls close_fd(unsigned int fd)
// up to 6.7 and file_close_fd(unsigned int fd) from 6.8 on.  Reports the
// fds closed by processes named kp_guest (the test bench's program).
#include "kp.hpp"

static void on_close(unsigned int fd)
{
	if (kp::streq(kp::current_comm().str, "kp_guest"))
		kp_printk("close: comm=kp_guest pid=%d fd=%u\n", kp::current_pid(), fd);
}

#if KP_LINUX_VERSION_CODE >= KP_KERNEL_VERSION(6, 8, 0)
KP_PROBE(kp::Kprobe<"file_close_fd", kp::Args<unsigned int>>, on_close);
#else
KP_PROBE(kp::Kprobe<"close_fd", kp::Args<unsigned int>>, on_close);
#endif
