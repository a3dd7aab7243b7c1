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

namespace kp {
namespace {

namespace detail {

// Called by the core's one ftrace callback (kp_fentry_handler_t) with the
// traced ip and the register view; counts the hit like the kprobe thunk.
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

// The kind's descriptor (probes.hpp: fentry_kind), for the parsed options O.
struct fentry_describe {
	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_fentry<arch::native_ftrace, typename O::args, S, H...>(d);
	}
};

} // namespace detail
} // namespace
} // namespace kp
