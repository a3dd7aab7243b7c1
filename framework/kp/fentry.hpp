// SPDX-License-Identifier: GPL-2.0
// Entry probes on ftrace (kp::Fentry, framework/core/kp_ftrace.c): the
// register view, the thunk, the descriptor.  The arguments are decoded with
// the same rules as a kprobe's (decode.hpp), from the ftrace register view
// of this arch and kernel (arch/<arch>/: KP_NATIVE_FTRACE_TABLE, asserted
// against the kernel in framework/core/kp_layout.c).
#pragma once

#include "../kp_abi.h"
#include "../kp_hit.h"
#include "decode.hpp"
#include "handlers.hpp"
#include "thunks.hpp"
#include "sym.hpp"

namespace kp {
namespace {

namespace detail {

// Called by the core's one ftrace callback (kp_fentry_handler_t) with the
// traced function's start and the register view; counts the hit like the
// kprobe thunk.
template <class Arch, class ArgList, auto H, kp_probe_state *S = nullptr> struct fentry_thunk {
	static void call(unsigned long, void *regs)
	{
		counted<S>([&]() __attribute__((always_inline)) {
			arg_reader<Arch, ArgList, false, false>::template call<as_function<H>()>(regs);
		});
	}
};

template <class Arch, class ArgList, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_fentry(kp_probe_desc d)
{
	if constexpr (!check_one_handler<kprobe_handler<ArgList>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_FENTRY;
		d.fentry = &fentry_thunk<Arch, ArgList, nth<0, H...>(), S>::call;
		return d;
	}
}

// kp::FentryMatch's: the same, with the function's start first (a kp::Sym).
template <class Arch, class ArgList, auto H, kp_probe_state *S = nullptr> struct fentry_match_thunk {
	static void call(unsigned long func, void *regs)
	{
		counted<S>([&]() __attribute__((always_inline)) {
			Sym fn(func);
			arg_reader<Arch, ArgList, false, false>::template call<as_function<H>()>(regs, fn);
		});
	}
};

template <class Arch, class ArgList, unsigned MaxFuncs, kp_probe_state *S, auto... H>
consteval kp_probe_desc describe_fentry_match(kp_probe_desc d)
{
	if constexpr (!check_one_handler<fentry_match_handler<ArgList, Sym>, H...>()) {
		return {};
	} else {
		d.kind = KP_KIND_FENTRY;
		d.flags = KP_F_PATTERN;
		d.fentry = &fentry_match_thunk<Arch, ArgList, nth<0, H...>(), S>::call;
		d.max_funcs = MaxFuncs;
		return d;
	}
}

// The pattern of a kp::FentryMatch: what is wrong with it, or 0.
enum class pattern_fault { none, empty, too_long, character, negated };
template <unsigned N> consteval pattern_fault check_pattern_chars(const fixed_string<N> &p)
{
	if (p.empty())
		return pattern_fault::empty;
	if (p.size() > 127)
		return pattern_fault::too_long;
	if (p.data[0] == '!')
		return pattern_fault::negated;
	for (unsigned i = 0; i < p.size(); i++)
		if (p.data[i] <= ' ' || p.data[i] > '~' || p.data[i] == ':')
			return pattern_fault::character;
	return pattern_fault::none;
}

// The kind's descriptor (probes.hpp: fentry_kind), for the parsed options O.
struct fentry_describe {
	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_fentry<arch::native_ftrace, typename O::args, S, H...>(d);
	}
};

// kp::FentryMatch's (probes.hpp: fentry_match_kind).
struct fentry_match_describe {
	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_fentry_match<arch::native_ftrace, typename O::args, O::max_matches, S,
					     H...>(d);
	}
};

} // namespace detail
} // namespace
} // namespace kp
