// SPDX-License-Identifier: GPL-2.0
// The safe handler API (tests/vm/t/37-safe.sh): user pointers, kernel
// reads, the context helpers and kernel stacks, each printing what it got.
// Only the guest program `kp_guest safe` (comm "kp_safe") and kp_target's
// chain/kread files make these print.
#include "kp.hpp"

// openat(2): the filename is a user pointer.  The guest passes a good
// name, then (char *)1, then a good name again.
static void on_openat(int, kp::User<const char *> filename, int, kp::umode_t)
{
	const kp::task_comm comm = kp::current_comm();
	char name[64];
	char first = 0;
	char bytes[4];

	if (!kp::streq(comm.str, "kp_safe"))
		return;
	const long len = filename.read_str(name);
	const bool typed = filename.read(first);
	const long nbytes = filename.read_bytes(bytes, sizeof(bytes));
	kp_printk("safe: openat addr=0x%lx read=%ld typed=%d first=%d bytes=%ld name=%s pid=%d "
		  "tgid=%d uid=%u gid=%u cpu=%u comm=%s t=%llu\n",
		  filename.addr(), len, typed, typed ? first : -1, nbytes, name, kp::current_pid(),
		  kp::current_tgid(), kp::current_uid(), kp::current_gid(), kp::cpu(), comm.str,
		  kp::time_ns());
}
KP_PROBE(kp::Syscall<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>>,
	 on_openat);

// A second syscall probe in the same task (umask(022)): the context
// helpers agree with the first one's, and with what the guest says it is.
static void on_umask(int mask)
{
	const kp::task_comm comm = kp::current_comm();

	if (kp::streq(comm.str, "kp_safe"))
		kp_printk("safe: umask mask=0%o pid=%d tgid=%d uid=%u gid=%u cpu=%u comm=%s\n", mask,
			  kp::current_pid(), kp::current_tgid(), kp::current_uid(),
			  kp::current_gid(), kp::cpu(), comm.str);
}
KP_PROBE(kp::Syscall<"umask", kp::Args<int>>, on_umask);

// Kernel reads: a good int, a user-space address and a vmalloc guard page
// as kernel pointers, and a kernel string.
static void on_kread(const int *good, const int *low, const int *guard, const char *name)
{
	int g = -1, l = -1, u = -1;
	char s[32], bad[8];
	const bool gok = kp::read_kernel(g, good);
	const bool lok = kp::read_kernel(l, low);
	const bool uok = kp::read_kernel(u, guard);
	const long slen = kp::read_kernel_str(s, name);
	const long blen = kp::read_kernel_str(bad, reinterpret_cast<const char *>(guard));

	kp_printk("safe: kread good=%d value=%d low=%d at=0x%lx guard=%d str=%ld:%s badstr=%ld\n",
		  gok, g, lok, reinterpret_cast<unsigned long>(low), uok, slen, s, blen);
}
KP_PROBE(kp::Kprobe<"kp_target_kread", kp::Args<const int *, const int *, const int *, const char *>>,
	 on_kread);

// Kernel stacks at kp_target_chain_c, called as a -> b -> c: from a kprobe
// at c's entry and from the tracepoint c fires.
static void print_stack(const char *tag)
{
	const auto st = kp::stack<32>();
	auto again = st;

	st.print(tag);
	again.ip[0] ^= 1;
	kp_printk("%s depth=%lu equal_copy=%d equal_changed=%d\n", tag, st.depth, st == st,
		  st == again);
}
static void on_chain_c(long v)
{
	if (v == 1002)
		print_stack("safe: kprobe-stack");
}
KP_PROBE(kp::Kprobe<"kp_target_chain_c", kp::Args<long>>, on_chain_c);
static void on_chain_tp(long v)
{
	if (v == 1002)
		print_stack("safe: tp-stack");
}
KP_PROBE(kp::Tracepoint<"kp_target_chain", kp::Args<long>>, on_chain_tp);
