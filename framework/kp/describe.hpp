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

// A probe's state: its hit counter (framework/kp_abi.h), zero-initialised,
// internal linkage, in the probe's translation unit, the thunks' template
// argument.  Keyed by what makes a probe the same probe (kind, symbol,
// offset, handlers: two such declarations are one probe twice, which the
// registry refuses because their thunks are then the same), the symbol
// as a 64-bit hash: the thunks' symbol names stay short (kallsyms cuts
// names at 511 characters; a string template argument mangles to 6 bytes
// per character).
template <class Kind, unsigned long long SymbolHash, unsigned long Offset, auto... H>
kp_probe_state probe_state{};

// FNV-1a of a symbol name.
template <unsigned N> consteval unsigned long long symbol_hash(const fixed_string<N> &s)
{
	unsigned long long h = 0xcbf29ce484222325ull;
	for (unsigned i = 0; i < s.size(); i++)
		h = (h ^ (unsigned char)s.data[i]) * 0x100000001b3ull;
	return h;
}

// What every descriptor says: what it attaches to, its name (""; derived by
// the core), where it was declared.
consteval kp_probe_desc base_desc(const char *sym, const char *name, const char *file,
				  unsigned line, unsigned seq)
{
	kp_probe_desc d{};
	d.symbol = sym;
	d.name = name && name[0] ? name : nullptr;
	d.file = file;
	d.line = line;
	d.seq = seq;
	d.unit = &unit_anchor;
	return d;
}

// Kprobe at function entry, or syscall entry: one handler taking the args.
template <class Arch, class ArgList, bool Syscall, bool Wrapped, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_kprobe(kp_probe_desc d)
{
	if constexpr (!check_one_handler<kprobe_handler<ArgList>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_KPROBE;
		d.flags = Syscall ? KP_F_SYSCALL : 0;
		d.pre = &kprobe_thunk<Arch, ArgList, Syscall, Wrapped, nth<0, H...>(), S>::pre;
		return d;
	}
}

// Kprobe at symbol+offset: one handler taking the registers.
template <class Arch, unsigned long Offset, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_offset(kp_probe_desc d)
{
	if constexpr (!check_one_handler<offset_handler<Arch>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_KPROBE;
		d.offset = Offset;
		d.pre = &offset_thunk<Arch, nth<0, H...>(), S>::pre;
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

// A return probe: a return handler, or an entry and a return handler.  A
// kretprobe (or syscall return), or kp::Fexit (Fexit): the thunks of the
// mechanism the target kernel has for it (KP_FEXIT_FPROBE,
// generated/kp_offsets.h from framework/core/kp_core.h), an fprobe's, else a
// kretprobe's, never both.
template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, int MaxActive,
	  bool Fexit, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_return(kp_probe_desc d)
{
	if constexpr (!check_kretprobe_handlers<ArgList, R, D, Fexit, H...>()) {
		return {};
	} else {
		constexpr unsigned n = sizeof...(H);
		constexpr auto e = nth<0, H...>(); // with one handler: the return handler
		constexpr auto h = nth<n - 1, H...>();
		d.kind = Fexit ? KP_KIND_FEXIT : KP_KIND_KRETPROBE;
		d.flags = Syscall ? KP_F_SYSCALL : 0;
		if constexpr (Fexit && KP_FEXIT_FPROBE) {
			using thunk = fprobe_thunk<Arch, ArgList, R, D, e, h, S>;
			if constexpr (n == 2)
				d.fp_entry = &thunk::entry;
			d.fp_exit = &thunk::exit;
		} else {
			using thunk = kretprobe_thunk<Arch, ArgList, Syscall, Wrapped, R, D, e, h, S>;
			if constexpr (n == 2)
				d.entry = &thunk::entry;
			d.ret = &thunk::ret;
		}
		d.data_size = data_size<D>();
		d.maxactive = MaxActive;
		return d;
	}
}

template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, int MaxActive,
	  kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_kretprobe(kp_probe_desc d)
{
	return describe_return<Arch, ArgList, Syscall, Wrapped, R, D, MaxActive, false, S, H...>(d);
}

template <class Arch, class ArgList, class R, class D, int MaxActive, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_fexit(kp_probe_desc d)
{
	return describe_return<Arch, ArgList, false, false, R, D, MaxActive, true, S, H...>(d);
}

template <class ArgList, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_tracepoint(kp_probe_desc d)
{
	if constexpr (!check_one_handler<tracepoint_handler<ArgList>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_TRACEPOINT;
		d.tp_probe = &tracepoint_thunk<ArgList, nth<0, H...>(), S>::slot;
		return d;
	}
}

// Begin, end, interval: one void() handler the core calls.
template <unsigned Kind, unsigned PeriodMs, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_run(kp_probe_desc d)
{
	if constexpr (!check_one_handler<run_handler<meta::constant<unsigned, Kind>>, H...>()) {
		return {};
	} else {
		d.kind = Kind;
		d.run = &run_thunk<nth<0, H...>(), S>::run;
		d.period_ms = PeriodMs;
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
// symbol, and describe<state, handlers...>(), which checks in order (the
// name, the options, the kind's own rules, then the handlers in
// Kind::describe) and builds the descriptor only if everything holds.
template <class Kind, fixed_string Name, class... Opts> struct probe {
	using options = detail::options<Kind, Opts...>;
	static constexpr auto symbol = Kind::template symbol<Name>();
	// the state of this probe with handlers H
	template <auto... H>
	static constexpr kp_probe_state *state =
		&probe_state<Kind, symbol_hash(symbol), options::offset, H...>;

	template <kp_probe_state *S, auto... H> static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		if constexpr (!Kind::template check_name<!Name.empty()>()) {
			return {};
		} else if constexpr (!options::valid) {
			return {};
		} else if constexpr (!Kind::template check_rules<options>()) {
			return {};
		} else {
			d = Kind::template describe<options, S, H...>(d);
			d.state = S;
			d.flags |= options::optional ? KP_F_OPTIONAL : 0u;
			return d;
		}
	}
};

} // namespace detail
} // namespace
} // namespace kp
