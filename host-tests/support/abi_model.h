// SPDX-License-Identifier: GPL-2.0
// The calling conventions, written out independently of the arch tables
// under test (arch/<arch>/kp_arch_<arch>.h): where argument i, syscall
// argument i and the return value are, as field accesses on the pt_regs
// mirror, and where the stack arguments are relative to sp.  A table that
// disagrees with this model fails the decoding tests.
#pragma once

#include <cstring>

#include "kp.hpp"
#include "kp_host.h"
#include "arches.h"

// The DSL lives in kp::{anonymous} and kp::{anonymous}::detail; reach both
// through one name so the tests do not depend on which of the two a helper
// is declared in.
namespace kpt {
using namespace ::kp;
using namespace ::kp::detail;
namespace meta = ::kp::meta;
} // namespace kpt

namespace model {

using X86 = kp::arch::x86_64;
using Arm = kp::arch::arm64;

// Keyed on the register file, so that kp::arch::native (the host's own
// traits) and the named traits of the same arch share one model.
template <class Regs> struct abi_for;
template <class A> struct abi : abi_for<typename A::regs> {};

template <> struct abi_for<kp_x86_64_regs> {
	using regs_t = kp_x86_64_regs;
	static constexpr const char *name = "x86_64";
	static constexpr unsigned nr_arg_regs = 6;
	// At function entry sp points at the return address; argument 7 is the
	// next slot up.
	static constexpr unsigned first_stack_slot = 1;
	static unsigned long &arg(regs_t &r, unsigned i)
	{
		unsigned long *f[] = { &r.di, &r.si, &r.dx, &r.cx, &r.r8, &r.r9 };
		return *f[i];
	}
	static unsigned long &sys(regs_t &r, unsigned i)
	{
		unsigned long *f[] = { &r.di, &r.si, &r.dx, &r.r10, &r.r8, &r.r9 };
		return *f[i];
	}
	static unsigned long &ret(regs_t &r) { return r.ax; }
	static unsigned long &sp(regs_t &r) { return r.sp; }
	static unsigned long &ip(regs_t &r) { return r.ip; }
};

template <> struct abi_for<kp_arm64_regs> {
	using regs_t = kp_arm64_regs;
	static constexpr const char *name = "arm64";
	static constexpr unsigned nr_arg_regs = 8;
	// No return address on the stack (it is in x30): argument 9 is at sp.
	static constexpr unsigned first_stack_slot = 0;
	static unsigned long &arg(regs_t &r, unsigned i) { return r.regs[i]; }
	static unsigned long &sys(regs_t &r, unsigned i) { return i == 0 ? r.orig_x0 : r.regs[i]; }
	static unsigned long &ret(regs_t &r) { return r.regs[0]; }
	static unsigned long &sp(regs_t &r) { return r.sp; }
	static unsigned long &ip(regs_t &r) { return r.pc; }
};

// A register file and a stack, every byte garbage, sp pointing into the
// stack (not at its start, so that a read below sp would see garbage too).
template <class A> struct frame {
	using M = abi<A>;
	static constexpr unsigned stack_base = 4;

	typename M::regs_t regs;
	unsigned long stack[32];

	explicit frame(unsigned char garbage = 0xa5)
	{
		host::fill(regs, garbage);
		host::fill(stack, garbage);
		M::sp(regs) = reinterpret_cast<unsigned long>(&stack[stack_base]);
	}
	frame(const frame &) = delete;

	// Where argument i lives: a register or a stack slot.
	unsigned long &arg(unsigned i)
	{
		if (i < M::nr_arg_regs)
			return M::arg(regs, i);
		return stack[stack_base + M::first_stack_slot + (i - M::nr_arg_regs)];
	}
	unsigned long &sys(unsigned i) { return M::sys(regs, i); }
	unsigned long &ret() { return M::ret(regs); }
	bool on_stack(unsigned i) const { return i >= M::nr_arg_regs; }

	const void *raw() const { return &regs; }
	struct pt_regs *pt() { return reinterpret_cast<struct pt_regs *>(&regs); }
};

// A kretprobe_instance as the kernel hands it out: opaque header, then the
// per-instance data at KP_KRI_DATA_OFFSET.  Garbage everywhere.
template <unsigned DataSize = 64> struct fake_kri {
	alignas(16) unsigned char bytes[KP_KRI_DATA_OFFSET + DataSize];
	explicit fake_kri(unsigned char garbage = 0xa5) { host::fill(bytes, garbage); }
	struct kretprobe_instance *ri() { return reinterpret_cast<struct kretprobe_instance *>(bytes); }
	void *data() { return bytes + KP_KRI_DATA_OFFSET; }
};

} // namespace model
