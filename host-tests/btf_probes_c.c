// SPDX-License-Identifier: GPL-2.0
/*
 * The seed's C macros (framework/kprobe.h) whose .kp_types records
 * btf_test.cpp checks against its miniature kernel (Kernel in
 * btf_test.cpp), like btf_probes.cpp for the C++ DSL: the line numbers are
 * part of the expected messages.  Compiled, never linked.
 */
#include <stdbool.h>
#include <stddef.h>

#define KP_HOST_TEST 1
#include "arch/kp_arch.h"
static const struct kp_arch_table kpt_table = KP_ARCH_TABLE_X86_64;
#define KP_C_TABLE (&kpt_table)
struct kretprobe_instance { char data[8]; };
#include "kprobe.h"

struct file;
struct list_head;
struct task_struct;

KPROBE_HANDLER_DEFINE4(vfs_fsync_range, struct file *, f, long long, start, long long, end, int, sync) { return 0; }
KPROBE_HANDLER_DEFINE3(vfs_fsync_range, struct file *, f, long long, start, long long, end) { return 0; }
KPROBE_HANDLER_DEFINE4(vfs_fsync_range, struct list_head *, f, int, start, long long, end, int, sync) { return 0; }
KPROBE_HANDLER_DEFINE4(kp_user_name, const char *, name, unsigned int, len, bool, new_, int *, out) { return 0; }
KPROBE_HANDLER_DEFINE1(kp_gone_c, int, x) { return 0; }
KRETPROBE_ENTRY_HANDLER_DEFINE0(do_mmap, long *, slot) { return 0; }
KRETPROBE_RET_HANDLER_DEFINE(do_mmap, long *, slot, int, ret) { return 0; }
TRACEPOINT_HANDLER_DEFINE(task_exec, struct task_struct *p, int old_pid) { }
TRACEPOINT_HANDLER_DEFINE(task_exec, struct file *p, int old_pid) { }
TRACEPOINT_HANDLER_DEFINE(task_exec, struct task_struct *p) { }
