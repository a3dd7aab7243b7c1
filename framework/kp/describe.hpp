// SPDX-License-Identifier: GPL-2.0
// Descriptor construction: the constant kp_probe_desc (framework/kp_abi.h)
// KP_PROBE puts in the registry for a probe and its handlers.  probe<>
// checks a declaration in order and stops at the first error; each
// describe_* checks the handlers (framework/kp/handlers.hpp) and builds
// the descriptor only when they hold: a wrong declaration is one error and
// nothing else.
#pragma once

#include "../kp_abi.h"
#include "fixed_string.hpp"
#include "handlers.hpp"
#include "meta.hpp"
#include "options.hpp"
#include "thunks.hpp"

namespace kp {
namespace {
namespace detail {

// One per translation unit (internal linkage): its address tells the
// registry which entries come from one object file.
[[maybe_unused]] constexpr char unit_anchor = 0;

// What every descriptor says: what it attaches to, where it was declared.
consteval kp_probe_desc base_desc(const char *sym, const char *file, unsigned line, unsigned seq)
{
	kp_probe_desc d{};
	d.symbol = sym;
	d.file = file;
	d.line = line;
	d.seq = seq;
	d.unit = &unit_anchor;
	return d;
}

// Kprobe at function entry, or syscall entry: one handler taking the args.
template <class Arch, class ArgList, bool Syscall, bool Wrapped, auto... H>
consteval kp_probe_desc describe_kprobe(kp_probe_desc d)
{
	if constexpr (!check_one_handler<kprobe_handler<ArgList>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_KPROBE;
		d.flags = Syscall ? KP_F_SYSCALL : 0;
		d.pre = &kprobe_thunk<Arch, ArgList, Syscall, Wrapped, H...>::pre;
		return d;
	}
}

// Kprobe at symbol+offset: one handler taking the registers.
template <class Arch, unsigned long Offset, auto... H>
consteval kp_probe_desc describe_offset(kp_probe_desc d)
{
	if constexpr (!check_one_handler<offset_handler<Arch>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_KPROBE;
		d.offset = Offset;
		d.pre = &offset_thunk<Arch, H...>::pre;
		return d;
	}
}

template <class D> consteval unsigned data_size()
{
	if constexpr (meta::is_same<D, no_data>)
		return 0;
	else
		return sizeof(D);
}

// Kretprobe (or syscall return): a return handler, or an entry and a return handler.
template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, int MaxActive,
	  auto... H>
consteval kp_probe_desc describe_kretprobe(kp_probe_desc d)
{
	if constexpr (!check_kretprobe_handlers<ArgList, R, D, H...>()) {
		return {};
	} else {
		constexpr unsigned n = sizeof...(H);
		constexpr auto e = nth<0, H...>(); // with one handler: the return handler
		constexpr auto h = nth<n - 1, H...>();
		using thunk = kretprobe_thunk<Arch, ArgList, Syscall, Wrapped, R, D, e, h>;
		d.kind = KP_KIND_KRETPROBE;
		d.flags = Syscall ? KP_F_SYSCALL : 0;
		if constexpr (n == 2)
			d.entry = &thunk::entry;
		d.ret = &thunk::ret;
		d.data_size = data_size<D>();
		d.maxactive = MaxActive;
		return d;
	}
}

template <class ArgList, auto... H> consteval kp_probe_desc describe_tracepoint(kp_probe_desc d)
{
	if constexpr (!check_one_handler<tracepoint_handler<ArgList>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_TRACEPOINT;
		d.tp_probe = &tracepoint_thunk<ArgList, H...>::slot;
		return d;
	}
}

// ---- system calls -------------------------------------------------------------

#if defined(KP_SYSCALL_WRAPPER)
inline constexpr int syscall_wrapper = KP_SYSCALL_WRAPPER;
#else
inline constexpr int syscall_wrapper = -1;
#endif

// The function a syscall probe attaches to: the wrapper __<arch>_sys_NAME
// (CONFIG_ARCH_HAS_SYSCALL_WRAPPER), or sys_NAME.
template <fixed_string Name> consteval auto syscall_symbol()
{
	if constexpr (syscall_wrapper == 1)
		return fixed_string(KP_NATIVE_SYSCALL_PREFIX) + Name;
	else
		return fixed_string("sys_") + Name;
}

// ---- a probe type -------------------------------------------------------------

// What a probe kind has unless it says otherwise: the symbol is the name as
// given, and no rules beyond its options'.
struct kind_defaults {
	template <fixed_string Name> static consteval auto symbol() { return Name; }
	template <class Options> static consteval bool check_rules() { return true; }
};

// A probe type of kind Kind (framework/kp/probes.hpp): its options, its
// symbol, and describe<handlers...>(), which checks in order (the name,
// the options, the kind's own rules, then the handlers in Kind::describe)
// and builds the descriptor only if everything holds.
template <class Kind, fixed_string Name, class... Opts> struct probe {
	using options = detail::options<Kind, Opts...>;
	static constexpr auto symbol = Kind::template symbol<Name>();

	template <auto... H> static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		if constexpr (!Kind::template check_name<!Name.empty()>())
			return {};
		else if constexpr (!options::valid)
			return {};
		else if constexpr (!Kind::template check_rules<options>())
			return {};
		else
			return Kind::template describe<options, H...>(d);
	}
};

} // namespace detail
} // namespace
} // namespace kp
