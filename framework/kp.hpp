// SPDX-License-Identifier: GPL-2.0
// kprobe-template: the C++ probe DSL.  Include this, and only this, from a
// probe file in probes/.  No kernel header may be included from C++: every
// kernel service a handler needs is a function of the C core (kp_abi.h).
//
//   #include "kp.hpp"
//
//   static void on_open(int dfd, kp::User<const char *> filename, const open_how *how)
//   {
//           char name[64];
//           if (filename.read_str(name) >= 0)
//                   kp::print<"open {}\n">(name);   // into instances/<module>/trace
//   }
//   KP_PROBE(kp::Kprobe<"do_sys_openat2",
//                       kp::Args<int, kp::User<const char *>, const open_how *>>,
//            on_open);
//
// Handler context
// ---------------
// A handler runs inside the kernel's probe machinery: with preemption off
// (kprobes, kretprobes, tracepoints), in whatever context hit the probe
// (process, softirq, hardirq; a probe on a function NMIs call runs in NMI),
// possibly on several CPUs at once, and possibly nested in another probe's
// handler on the same CPU (the kernel then counts a miss instead).
//   May:     compute, read its arguments, call what kp.hpp offers (the
//            fault-tolerant reads of kp/memory.hpp, the context helpers and
//            kp::Stack of kp/context.hpp, kp_printk), write its own per-call
//            kp::Data and memory it owns.
//   May not: sleep, wait, take a mutex or any sleeping lock, allocate,
//            dereference a user pointer (kp::User makes that a compile
//            error) or a kernel pointer it is not sure of (use
//            kp::read_kernel), use floating point or SIMD, throw, or call
//            into the probed function's subsystem (it may hold its locks).
// kp_printk in a hot path floods the log and costs a console write; in an
// NMI the kernel defers it.
#pragma once

#include "kp_abi.h"
#include "kp/context.hpp"
#include "kp/memory.hpp"
#include "kp/fields.hpp"
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

#include "kp/maps.hpp" // after kp::task_comm, a key type
