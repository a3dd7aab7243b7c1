// SPDX-License-Identifier: GPL-2.0
// openat(2) at the system call boundary, four typed arguments, decoded
// from the user's registers with the syscall convention (x86_64: the 4th
// argument is in r10).  The return form reports the fd or error.
#include "kp.hpp"

static void on_openat(int dfd, kp::User<const char *> filename, int flags, kp::umode_t mode)
{
	char name[128];

	if (filename.read_str(name) >= 0 && kp::starts_with(name, "/tmp/kp-"))
		kp_printk("sys_openat: pid=%d dfd=%d filename=%s flags=0x%x mode=0%o\n",
			  kp::current_pid(), dfd, name, flags, mode);
}

KP_PROBE(kp::Syscall<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>>, on_openat);

struct openat_call {
	char name[64];
};

static bool openat_entry(openat_call &call, int, kp::User<const char *> filename, int,
			 kp::umode_t)
{
	return filename.read_str(call.name) >= 0 && kp::starts_with(call.name, "/tmp/kp-");
}

static void openat_return(openat_call &call, long ret)
{
	kp_printk("sys_openat_ret: pid=%d filename=%s ret=%ld\n", kp::current_pid(), call.name,
		  ret);
}

KP_PROBE(kp::SyscallReturn<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>,
			   kp::Data<openat_call>>,
	 openat_entry, openat_return);
