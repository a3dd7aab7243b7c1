// SPDX-License-Identifier: GPL-2.0
// kprobe-template: the C++ probe DSL.  Include this, and only this, from a
// probe file in probes/.  No kernel header may be included from C++: every
// kernel service a handler needs is a function of the C core (kp_abi.h).
//
//   #include "kp.hpp"
//
//   static void on_open(int dfd, const char *filename, const open_how *how)
//   {
//           char name[64];
//           kp::read_user_str(name, filename);
//           kp::print<"open {}\n">(name);   // into instances/<module>/trace
//   }
//   KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Args<int, const char *, const open_how *>>,
//            on_open);
#pragma once

#include "kp_abi.h"
#include "kp/types.hpp"
#include "kp/probes.hpp"
#include "kp/print.hpp"

namespace kp {
namespace {

// The running kernel's version, from the headers the module is built against.
#ifdef KP_LINUX_VERSION_CODE
inline constexpr unsigned linux_version_code = KP_LINUX_VERSION_CODE;
#endif
#define KP_KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

inline int current_pid() { return kp_current_pid(); }
inline int current_tgid() { return kp_current_tgid(); }
inline task_comm current_comm()
{
	task_comm c;
	kp_current_comm(c.str, sizeof(c.str));
	return c;
}
inline int task_pid(const struct task_struct *t) { return kp_task_pid(t); }
inline int task_tgid(const struct task_struct *t) { return kp_task_tgid(t); }

// A user-space string, copied without faulting: its length, or -EFAULT.
template <unsigned N> inline long read_user_str(char (&dst)[N], const void *src)
{
	return kp_read_user_str(dst, src, N);
}
// A kernel object, copied without faulting: false if the address faulted.
template <class T> inline bool read_kernel(T &dst, const void *src)
{
	return kp_read_kernel(&dst, src, sizeof(T)) == 0;
}
template <class T> inline bool read_user(T &dst, const void *src)
{
	return kp_read_user(&dst, src, sizeof(T)) == 0;
}

inline bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		++a, ++b;
	return *a == *b;
}

inline bool starts_with(const char *s, const char *prefix)
{
	while (*prefix && *s == *prefix)
		++s, ++prefix;
	return !*prefix;
}

} // namespace
} // namespace kp
