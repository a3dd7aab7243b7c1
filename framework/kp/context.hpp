// SPDX-License-Identifier: GPL-2.0
// What a handler may ask about the context it runs in: the current task,
// the CPU, the time, a task passed as an argument, and the kernel stack.
//
// Each helper names the kernel function it wraps (the C core calls it,
// framework/core/kp_helpers.c) and its context rule.  All of them may be
// called from every probe context (kprobe, kretprobe entry and return,
// tracepoint) whatever it interrupted (process, softirq, hardirq, NMI):
// none sleeps, takes a lock or allocates.
#pragma once

#include "../kp_abi.h"
#include "meta.hpp"

namespace kp {
namespace {

struct task_comm {
	char str[16]; // TASK_COMM_LEN, NUL-terminated
};

// ---- the current task ------------------------------------------------------------

// task_pid_nr(current): the thread id.  Any context (in an interrupt: the interrupted task).
inline int current_pid() { return kp_current_pid(); }
// task_tgid_nr(current): the process id.  Any context.
inline int current_tgid() { return kp_current_tgid(); }
// strscpy(current->comm) without task_lock (as bpf_get_current_comm).  Any context.
inline task_comm current_comm()
{
	task_comm c;
	kp_current_comm(c.str, sizeof(c.str));
	return c;
}
// from_kuid(&init_user_ns, current_uid()): the real uid.  Any context (own creds, no lock).
inline unsigned current_uid() { return kp_current_uid(); }
// from_kgid(&init_user_ns, current_gid()): the real gid.  Any context.
inline unsigned current_gid() { return kp_current_gid(); }

// ---- this CPU, the time -----------------------------------------------------------

// raw_smp_processor_id(): stable for the whole handler (handlers run with
// preemption off).  Any context.
inline unsigned cpu() { return kp_cpu(); }
// ktime_get_mono_fast_ns(): CLOCK_MONOTONIC in ns, NMI-safe (ktime_get_ns
// is not).  Any context.
inline unsigned long long time_ns() { return kp_time_ns(); }

// ---- a task passed to the probe --------------------------------------------------
// The task must stay alive while the handler runs: a task_struct * argument
// of the probed function or tracepoint is.

// task_pid_nr(t).  Any context.
inline int task_pid(const struct task_struct *t) { return kp_task_pid(t); }
// task_tgid_nr(t).  Any context.
inline int task_tgid(const struct task_struct *t) { return kp_task_tgid(t); }
// strscpy(t->comm) without task_lock.  Any context.
inline task_comm task_comm_of(const struct task_struct *t)
{
	task_comm c;
	kp_task_comm(t, c.str, sizeof(c.str));
	return c;
}
// from_kuid(&init_user_ns, task_cred_xxx(t, uid)), under rcu_read_lock.  Any context.
inline unsigned task_uid(const struct task_struct *t) { return kp_task_uid(t); }
// from_kgid(&init_user_ns, task_cred_xxx(t, gid)), under rcu_read_lock.  Any context.
inline unsigned task_gid(const struct task_struct *t) { return kp_task_gid(t); }

// ---- kernel stack traces -------------------------------------------------------------

// kp::Stack<N>: the current kernel stack, at most N return addresses,
// innermost first (the handler's own frames, then the probe machinery's,
// then the probed function's callers), captured with stack_trace_save.
// Any context.  A plain value: trivially copyable, entries past depth are
// 0, == compares the frames, hash() is FNV-1a over them (a map key).
template <unsigned N> struct Stack {
	static_assert(N >= 1 && N <= 128, "kp::Stack<N>: N is 1 to 128 frames");

	unsigned long ip[N];
	unsigned long depth; // how many of ip[] hold frames (unsigned long: no padding)

	// stack_trace_save(ip, N, ...) into a new value.
	static Stack capture()
	{
		Stack s;
		for (unsigned i = 0; i < N; i++)
			s.ip[i] = 0;
		s.depth = kp_stack_save(s.ip, N);
		return s;
	}
	friend bool operator==(const Stack &a, const Stack &b)
	{
		if (a.depth != b.depth)
			return false;
		for (unsigned long i = 0; i < a.depth; i++)
			if (a.ip[i] != b.ip[i])
				return false;
		return true;
	}
	unsigned long long hash() const
	{
		unsigned long long h = 0xcbf29ce484222325ull;
		for (unsigned long i = 0; i < depth; i++)
			for (unsigned b = 0; b < 64; b += 8)
				h = (h ^ ((ip[i] >> b) & 0xff)) * 0x100000001b3ull;
		return h;
	}
	// "%pS %pS ..." (symbol+offset/size [module]) into buf: the length.
	template <unsigned M> int format(char (&buf)[M]) const
	{
		return kp_stack_format(buf, M, ip, (unsigned)depth);
	}
	// One kp_printk line per frame: "<tag> #i %pS".
	void print(const char *tag) const
	{
		for (unsigned long i = 0; i < depth; i++)
			kp_printk("%s #%lu %pS\n", tag, i, reinterpret_cast<void *>(ip[i]));
	}
};

// kp::stack<N>(): kp::Stack<N>::capture().
template <unsigned N> inline Stack<N> stack() { return Stack<N>::capture(); }

} // namespace
} // namespace kp
