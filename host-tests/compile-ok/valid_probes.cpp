// SPDX-License-Identifier: GPL-2.0
// expect-success
// The positive control: every probe form, declared correctly, compiles
// with exactly the flags the compile-fail tests use.
#include "kp.hpp"

struct open_how;
struct perm_call {
	const inode *node;
	int mask;
};

static void on_open(int, const char *, const open_how *) {}
static void at_offset(const kp::Regs &) {}
static bool perm_entry(perm_call &, const void *, const inode *, int) { return true; }
static void perm_return(perm_call &, int) {}
static void write_return(long) {}
static void on_signal(int, kernel_siginfo *, task_struct *, int, int) {}
static void on_openat(int, kp::User<const char *>, int, kp::umode_t) {}
static void openat_return(long) {}
static void openat_entry(int, kp::User<const char *>, int, kp::umode_t) {}
enum class mode : unsigned char { a, b };
static void many(bool, signed char, unsigned char, short, unsigned short, int, unsigned, long,
		 unsigned long, long long, unsigned long long, mode, const void *, char *) {}

KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Args<int, const char *, const open_how *>>, on_open);
KP_PROBE(kp::Kprobe<"vfs_read", kp::Offset<4>>, at_offset);
KP_PROBE(kp::Kretprobe<"inode_permission", kp::Args<const void *, const inode *, int>,
		       kp::Returns<int>, kp::Data<perm_call>, kp::MaxActive<8>>,
	 perm_entry, perm_return);
KP_PROBE(kp::Kretprobe<"vfs_write", kp::Returns<long>>, write_return);
KP_PROBE(kp::Tracepoint<"signal_generate", kp::Args<int, kernel_siginfo *, task_struct *, int, int>>,
	 on_signal);
KP_PROBE(kp::Syscall<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>>, on_openat);
KP_PROBE(kp::SyscallReturn<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>>,
	 openat_entry,
	 openat_return);
KP_PROBE(kp::Kprobe<"many_args", kp::Args<bool, signed char, unsigned char, short, unsigned short,
					  int, unsigned, long, unsigned long, long long,
					  unsigned long long, mode, const void *, char *>>,
	 many);
KP_PROBE(kp::Kprobe<"lambda", kp::Args<int>>, [](int) {});

// User pointers: every read compiles, and the handler still is one.
struct how_t {
	kp::u64 flags;
};
static void user_reads(kp::User<const char *> name, kp::User<const char *const *> argv,
		       kp::User<const void *> buf, const how_t *how, const char *kname)
{
	char s[32];
	char c;
	how_t h;
	kp::User<const char *> arg0;
	long n = name.read_str(s) + kp::read_user_str(s, name) + buf.read_bytes(s, sizeof(s)) +
		 kp::read_kernel_str(s, kname);
	bool ok = name.read(c) && kp::read_user(c, name + 1) && argv.read(arg0) &&
		  (argv + 1).read(arg0) && kp::read_kernel(h, how) && name != nullptr && bool(buf) &&
		  !(name == arg0) && buf.addr() != 0;
	(void)n;
	(void)ok;
}
KP_PROBE(kp::Kprobe<"execve_like", kp::Args<kp::User<const char *>, kp::User<const char *const *>,
					  kp::User<const void *>, const how_t *, const char *>>,
	 user_reads);
static void tp_user(int, kp::User<const char *>) {}
KP_PROBE(kp::Tracepoint<"tp_user", kp::Args<int, kp::User<const char *>>>, tp_user);

// kp::Data may be an array (its elements reset one by one).
static void array_entry(int (&)[2], int) {}
static void array_return(int (&)[2], int) {}
KP_PROBE(kp::Kretprobe<"f_array", kp::Args<int>, kp::Returns<int>, kp::Data<int[2]>>, array_entry,
	 array_return);

// kp::FentryMatch: the function's start, then the declared leading arguments.
static void each_fn(kp::Sym fn) { kp::print<"{}\n">(fn); }
KP_PROBE(kp::FentryMatch<"vfs_*", kp::MaxMatches<64>, kp::Optional>, each_fn);
static void each_with_arg(kp::Sym, const void *) {}
KP_PROBE(kp::FentryMatch<"kp_target_chain_[ab]", kp::Args<const void *>, kp::Name<"chains">>,
	 each_with_arg);
