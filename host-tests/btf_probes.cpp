// SPDX-License-Identifier: GPL-2.0
// Probes whose .kp_types records btf_test.cpp checks against its miniature
// kernel (Kernel in btf_test.cpp): the line numbers are part of the expected
// messages.  Compiled, never linked.
#include "kp.hpp"

struct list_head;

static void mmap8(file *, unsigned long, unsigned long, unsigned long, unsigned long, unsigned long, unsigned long *, list_head *) {}
static void fsync_width(file *, int, kp::loff_t, int) {}
static void fsync_ptr(unsigned long, kp::loff_t, kp::loff_t, int) {}
static void fsync_ok(file *, kp::loff_t, kp::loff_t, int) {}
static void exec_ok(task_struct *, kp::pid_t) {}
static void exec_struct(file *, kp::pid_t) {}
static void ret_int(int) {}
static void none() {}
static void at(const kp::Regs &) {}
static void user_ok(kp::User<const char *>, kp::u32, bool, int *) {}

KP_PROBE(kp::Kprobe<"do_mmap", kp::Args<file *, unsigned long, unsigned long, unsigned long, unsigned long, unsigned long, unsigned long *, list_head *>>, mmap8);
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<file *, int, kp::loff_t, int>>, fsync_width);
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<unsigned long, kp::loff_t, kp::loff_t, int>>, fsync_ptr);
KP_PROBE(kp::Kprobe<"vfs_fsync_range", kp::Args<file *, kp::loff_t, kp::loff_t, int>>, fsync_ok);
KP_PROBE(kp::Tracepoint<"task_exec", kp::Args<task_struct *, kp::pid_t>>, exec_ok);
KP_PROBE(kp::Tracepoint<"task_exec", kp::Args<file *, kp::pid_t>>, exec_struct);
KP_PROBE(kp::Kretprobe<"do_mmap", kp::Returns<int>>, ret_int);
KP_PROBE(kp::Kprobe<"kp_gone", kp::Optional>, none);
KP_PROBE(kp::Kprobe<"kp_gone_required">, none);
KP_PROBE(kp::Kprobe<"kp_user_name", kp::Args<kp::User<const char *>, kp::u32, bool, int *>>, user_ok);
KP_PROBE(kp::Kprobe<"kp_user_name", kp::Offset<4>>, at);
