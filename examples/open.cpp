// SPDX-License-Identifier: GPL-2.0
// The seed's do_sys_open example, for 6.x kernels: open(2) and openat(2)
// reach do_sys_openat2(int dfd, const char __user *filename,
// struct open_how *how).  Reports opens of /tmp/kp-* files.
#include "kp.hpp"

// UAPI layout (include/uapi/linux/openat2.h): stable, so mirrored here.
struct open_how {
	kp::u64 flags;
	kp::u64 mode;
	kp::u64 resolve;
};

// filename is a user pointer: kp::User, read with a copy that cannot fault.
static void on_open(int dfd, kp::User<const char *> filename, const open_how *how)
{
	char name[128];
	open_how h;

	if (filename.read_str(name) < 0 || !kp::starts_with(name, "/tmp/kp-") ||
	    !kp::read_kernel(h, how))
		return;
	kp_printk("open: comm=%s pid=%d dfd=%d filename=%s flags=0x%llx mode=0%llo\n",
		  kp::current_comm().str, kp::current_pid(), dfd, name, h.flags, h.mode);
}

KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Args<int, kp::User<const char *>, const open_how *>>,
	 on_open);
