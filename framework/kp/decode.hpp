// SPDX-License-Identifier: GPL-2.0
// Per-type decoding of arguments and return values from saved registers.
//
// The register file is whatever arch/<arch>/kp_arch_<arch>.h describes; this
// file only knows the C rules:
//  - an integer narrower than 64 bits keeps only its low bits, with its own
//    signedness (the ABI leaves the upper bits undefined);
//  - bool is the low byte;
//  - an enum goes through its underlying type;
//  - a pointer is the full register, and so is a user pointer (kp::User<T *>:
//    the same bits as T *);
//  - everything the ABI cannot pass in one integer register (floating point,
//    structs and unions by value, arrays, references) is a compile error.
#pragma once

#include "../kp_abi.h"
#include "../../arch/kp_arch.h"
#include "memory.hpp"
#include "meta.hpp"

namespace kp {
namespace {

// One arch = its pt_regs mirror type and its table (a constant expression).
template <class Regs, const kp_arch_table &Table> struct arch_traits {
	using regs = Regs;
	static constexpr const kp_arch_table &table = Table;
};

// The arch being compiled for (arch/kp_arch.h); the host tests name the
// others' traits themselves (host-tests/support/arches.h).
namespace arch {
#ifdef KP_NATIVE_ARCH_TABLE
constexpr kp_arch_table native_table = KP_NATIVE_ARCH_TABLE;
using native = arch_traits<kp_native_regs, native_table>;
// entry probes on ftrace (framework/kp/fentry.hpp): the ftrace register view
constexpr kp_arch_table native_ftrace_table = KP_NATIVE_FTRACE_TABLE;
using native_ftrace = arch_traits<kp_native_ftrace_regs, native_ftrace_table>;
#endif
} // namespace arch

// What fits one integer register or stack slot with a defined C rule.
template <class T>
inline constexpr bool decodable =
	!meta::is_reference<T> && !meta::is_array<T> &&
	(meta::is_pointer<T> || meta::is_integral<T> || meta::is_enum<T> || meta::is_nullptr<T> ||
	 meta::is_user<T>);

// Compile errors for the user: one static_assert per rule so that the
// message names the rule that was broken.
template <class T> consteval bool check_arg_type()
{
	using U = meta::remove_cv_t<T>;
	if constexpr (meta::is_user_template<U>) {
		static_assert(meta::is_user<U>, "kp::User<P>: P must be a pointer type, e.g. "
						"kp::User<const char *> for `const char __user *`");
		return meta::is_user<U>;
	} else {
		static_assert(!meta::is_reference<T>,
			      "kp::Args: references cannot be probed: declare a pointer (T*) instead");
		static_assert(!meta::is_array<T>,
			      "kp::Args: arrays cannot be passed by value: declare a pointer to the element type");
		static_assert(!meta::is_floating<U>,
			      "kp::Args: floating-point arguments are passed in FP/SIMD registers that kprobes do not save");
		static_assert(!(meta::is_class<U> || meta::is_union<U>),
			      "kp::Args: structs and unions passed by value are not supported: declare a pointer");
		static_assert(!meta::is_void<U>, "kp::Args: void is not an argument type");
		static_assert(decodable<T> || meta::is_reference<T> || meta::is_array<T> ||
				      meta::is_floating<U> || meta::is_class<U> || meta::is_union<U> ||
				      meta::is_void<U>,
			      "kp::Args: this type cannot be decoded from a register: declare an integer, "
			      "bool, enum or pointer");
		return decodable<T>;
	}
}

template <class T> consteval bool check_return_type()
{
	using U = meta::remove_cv_t<T>;
	static_assert(!meta::is_reference<T>,
		      "kp::Returns: a function cannot be probed for a reference return: declare a pointer");
	static_assert(!meta::is_floating<U>,
		      "kp::Returns: floating-point return values live in FP/SIMD registers that kprobes do not save");
	static_assert(!(meta::is_class<U> || meta::is_union<U>) || meta::is_user<U>,
		      "kp::Returns: structs and unions returned by value are not supported");
	static_assert(!meta::is_array<T>, "kp::Returns: functions cannot return arrays");
	static_assert(meta::is_void<U> || decodable<T> || meta::is_reference<T> ||
			      meta::is_floating<U> || meta::is_class<U> || meta::is_union<U> ||
			      meta::is_array<T> || meta::is_user_template<U>,
		      "kp::Returns: this type cannot be decoded from a register: declare an integer, "
		      "bool, enum or pointer");
	return meta::is_void<U> || decodable<T>;
}

// The value of a T whose bits arrived in a 64-bit register or stack slot.
template <class T> inline T from_word(unsigned long w)
{
	using U = meta::remove_cv_t<T>;
	if constexpr (meta::is_same<U, bool>)
		return static_cast<unsigned char>(w) != 0;
	else if constexpr (meta::is_enum<U>)
		return static_cast<U>(from_word<meta::underlying_t<U>>(w)); // enum E : bool too
	else if constexpr (meta::is_pointer<U>)
		return reinterpret_cast<U>(w);
	else if constexpr (meta::is_user<U>)
		return U::from_address(w);
	else if constexpr (meta::is_nullptr<U>)
		return nullptr;
	else
		return static_cast<U>(w); // C++20: modulo 2^N, i.e. the low bits
}

// The registers are read by the accessors of arch/kp_arch.h, the ones the C
// macro API uses.  Arch::table is a constant and I a template argument, so
// each read folds to the load of one register (or, beyond the argument
// registers, the one fault-tolerant stack read): no table at run time.

// Argument I (0-based) of a function, at its first instruction.
template <class Arch, class T, unsigned I> inline T function_arg(const void *regs)
{
	return from_word<T>(kp_regs_arg(&Arch::table, regs, I));
}

// Argument I of a system call, from the user's pt_regs.
template <class Arch, class T, unsigned I> inline T syscall_arg(const void *user_regs)
{
	return from_word<T>(kp_regs_syscall_arg(&Arch::table, user_regs, I));
}

template <class Arch, class T> inline T return_value(const void *regs)
{
	return from_word<T>(kp_regs_ret(&Arch::table, regs));
}

// A read-only view of the registers, for probes at an offset inside a
// function, where the arguments are no longer where the ABI put them.
template <class Arch> class basic_regs {
public:
	explicit basic_regs(const void *r) : r_(r) {}
	unsigned long ip() const { return kp_regs_ip(&Arch::table, r_); }
	unsigned long sp() const { return kp_regs_sp(&Arch::table, r_); }
	unsigned long return_reg() const { return kp_regs_ret(&Arch::table, r_); }
	// The n-th argument register (x86_64: di, si, dx, cx, r8, r9; arm64:
	// x0..x7), 0 beyond them.
	unsigned long arg_reg(unsigned n) const { return kp_regs_arg_reg(&Arch::table, r_, n); }
	// The mirror of this arch's struct pt_regs, field by field.
	const typename Arch::regs &raw() const
	{
		return *static_cast<const typename Arch::regs *>(r_);
	}

private:
	const void *r_;
};

#ifdef KP_NATIVE_ARCH_TABLE
using Regs = basic_regs<arch::native>;
#endif

} // namespace
} // namespace kp
