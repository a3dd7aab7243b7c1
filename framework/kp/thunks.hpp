// SPDX-License-Identifier: GPL-2.0
// The thunks: the functions the kernel calls, one per (probe, handler)
// pair, each with the kernel's exact function type (kCFI).  A thunk decodes
// the arguments inline (framework/kp/decode.hpp) and calls the handler
// directly.  S, the probe's state (kp_abi.h; KP_PROBE passes its own),
// counts one hit per call of the kprobe pre-handler, the kretprobe return
// handler and the tracepoint probe (kp_hit.h); nullptr: no counting.
#pragma once

#include "../kp_abi.h"
#include "../kp_hit.h"
#include "decode.hpp"
#include "handlers.hpp"
#include "meta.hpp"
#include "options.hpp"

#ifndef KP_KRI_DATA_OFFSET
// offsetof(struct kretprobe_instance, data): generated at kbuild time from
// the target kernel's headers (framework/core/kp_offsets.c).
#error "KP_KRI_DATA_OFFSET is not defined: build C++ probes through Kbuild (make)"
#define KP_KRI_DATA_OFFSET 0 // no follow-on errors
#endif

#ifndef KP_FEXIT_FPROBE
// Whether kp::Fexit rides an fprobe (1) or a kretprobe (0) on the target
// kernel: generated at kbuild time (framework/core/kp_offsets.c); the host
// tests choose.
#error "KP_FEXIT_FPROBE is not defined: build C++ probes through Kbuild (make)"
#define KP_FEXIT_FPROBE 0 // no follow-on errors
#endif

namespace kp {
namespace {
namespace detail {

// f() (the handler's call) counted as one hit on the probe whose state is
// S, and timed when it is the sampled hit (kp_hit.h: overload protection);
// without a state, just f().  run_on counts on a counter the caller has in
// hand: a tracepoint probe's __data, which the core registers as S->hits
// (kp_abi.h), so the thunk does not load it from S.  (A specialisation, not
// `if constexpr (S != nullptr)`: with the kernel's
// -fno-delete-null-pointer-checks g++ does not fold an address against null.)
template <kp_probe_state *S> struct hit_counter {
	template <class F> static __attribute__((always_inline)) void run(const F &f)
	{
		run_on(S->hits, f);
	}
	template <class F>
	static __attribute__((always_inline)) void run_on(unsigned long *hits, const F &f)
	{
		KP_COUNTED_ON(hits, f());
	}
};
template <> struct hit_counter<nullptr> {
	template <class F> static __attribute__((always_inline)) void run(const F &f) { f(); }
	template <class F> static __attribute__((always_inline)) void run_on(unsigned long *, const F &f)
	{
		f();
	}
};
template <kp_probe_state *S, class F> inline __attribute__((always_inline)) void counted(const F &f)
{
	hit_counter<S>::run(f);
}

// The handler F called with the decoded arguments, after the leading Pre....
template <class Arch, class ArgList, bool Syscall, bool Wrapped> struct arg_reader;

template <class Arch, class... T, bool Syscall, bool Wrapped>
struct arg_reader<Arch, meta::list<T...>, Syscall, Wrapped> {
	template <auto F, class... Pre, unsigned... I>
	static auto call(const void *regs, meta::indices<I...>, Pre &...pre)
	{
		if constexpr (Syscall && Wrapped) {
			// __<arch>_sys_NAME(const struct pt_regs *): the user's
			// registers are behind the first argument.
			const void *user = function_arg<Arch, const void *, 0>(regs);
			return F(pre..., syscall_arg<Arch, T, I>(user)...);
		} else {
			return F(pre..., function_arg<Arch, T, I>(regs)...);
		}
	}
	template <auto F, class... Pre> static auto call(const void *regs, Pre &...pre)
	{
		return call<F>(regs, meta::make_indices<sizeof...(T)>{}, pre...);
	}
};

template <class Arch, class ArgList, bool Syscall, bool Wrapped, auto H, kp_probe_state *S = nullptr>
struct kprobe_thunk {
	static int pre(struct kprobe *, struct pt_regs *regs)
	{
		counted<S>([&]() __attribute__((always_inline)) {
			arg_reader<Arch, ArgList, Syscall, Wrapped>::template call<as_function<H>()>(regs);
		});
		return 0; // never "skip single-step": the handler cannot change the IP
	}
};

template <class Arch, auto H, kp_probe_state *S = nullptr> struct offset_thunk {
	static int pre(struct kprobe *, struct pt_regs *regs)
	{
		counted<S>([&]() __attribute__((always_inline)) {
			as_function<H>()(basic_regs<Arch>(regs));
		});
		return 0;
	}
};

// D's default member initialisers applied (an array: element by element).
template <class T> inline __attribute__((always_inline)) void reset_data(T &x)
{
	if constexpr (meta::is_array<T>) {
		for (auto &e : x)
			reset_data(e);
	} else {
		x = T{};
	}
}

// A return probe's two bodies, whoever calls them: the kretprobe thunks
// (the per-call data inside the kretprobe_instance) and the fprobe thunks of
// kp::Fexit (the data fprobe passes, in its rethook node).
template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, auto E, auto H,
	  kp_probe_state *S>
struct return_probe_body {
	static constexpr bool has_data = !meta::is_same<D, no_data>;

	// the kernel: a non-zero entry result means "no return handler for this call"
	static __attribute__((always_inline)) int entry(const void *regs, void *data)
	{
		using reader = arg_reader<Arch, ArgList, Syscall, Wrapped>;
		constexpr auto e = as_function<E>();
		if constexpr (has_data) {
			// The kernel recycles per-call memory: clear it all, padding
			// included, then apply D's default member initialisers.
			__builtin_memset(data, 0, sizeof(D));
			D &d = *static_cast<D *>(data);
			reset_data(d);
			if constexpr (meta::is_same<typename handler_sig<E>::ret, bool>)
				return reader::template call<e>(regs, d) ? 0 : 1;
			else
				reader::template call<e>(regs, d);
		} else {
			if constexpr (meta::is_same<typename handler_sig<E>::ret, bool>)
				return reader::template call<e>(regs) ? 0 : 1;
			else
				reader::template call<e>(regs);
		}
		return 0;
	}

	// one hit per return handled (an entry handler's false, a missed call: none)
	static __attribute__((always_inline)) void ret(const void *regs, void *data)
	{
		constexpr auto h = as_function<H>();
		counted<S>([&]() __attribute__((always_inline)) {
			if constexpr (has_data && meta::is_void<R>)
				h(*static_cast<D *>(data));
			else if constexpr (has_data)
				h(*static_cast<D *>(data), return_value<Arch, R>(regs));
			else if constexpr (meta::is_void<R>)
				h();
			else
				h(return_value<Arch, R>(regs));
		});
	}
};

template <class Arch, class ArgList, bool Syscall, bool Wrapped, class R, class D, auto E, auto H,
	  kp_probe_state *S = nullptr>
struct kretprobe_thunk {
	using body = return_probe_body<Arch, ArgList, Syscall, Wrapped, R, D, E, H, S>;
	static void *data(struct kretprobe_instance *ri)
	{
		return reinterpret_cast<char *>(ri) + KP_KRI_DATA_OFFSET;
	}
	static int entry(struct kretprobe_instance *ri, struct pt_regs *regs)
	{
		return body::entry(regs, data(ri));
	}
	static int ret(struct kretprobe_instance *ri, struct pt_regs *regs)
	{
		body::ret(regs, data(ri));
		return 0;
	}
};

// kp::Fexit on an fprobe (kernels 6.5-6.13 with CONFIG_FPROBE): the kernel
// calls these with the entry's and the return's pt_regs and the per-call
// data (entry_data_size bytes; NULL without kp::Data).
template <class Arch, class ArgList, class R, class D, auto E, auto H, kp_probe_state *S = nullptr>
struct fprobe_thunk {
	using body = return_probe_body<Arch, ArgList, false, false, R, D, E, H, S>;
	static int entry(struct fprobe *, unsigned long, unsigned long, struct pt_regs *regs, void *data)
	{
		return body::entry(regs, data);
	}
	static void exit(struct fprobe *, unsigned long, unsigned long, struct pt_regs *regs, void *data)
	{
		body::ret(regs, data);
	}
};

// A tracepoint argument as the kernel passes it: a kp::User<T *> is a T *
// there (the probe's type must be the kernel's exactly, for kCFI).
template <class T> struct tp_raw {
	using type = T;
	static T wrap(T v) { return v; }
};
template <class T>
	requires meta::is_user<T>
struct tp_raw<T> {
	using type = typename T::pointer;
	static T wrap(type p) { return T::from_address(reinterpret_cast<unsigned long>(p)); }
};

template <class ArgList, auto H, kp_probe_state *S = nullptr> struct tracepoint_thunk;
template <class... T, auto H, kp_probe_state *S> struct tracepoint_thunk<meta::list<T...>, H, S> {
	// The kernel calls this as void (*)(void *__data, TP_PROTO): exact types;
	// __data is the probe's hit counter (the core registers it so).
	static void probe(void *data, typename tp_raw<T>::type... args)
	{
		hit_counter<S>::run_on(static_cast<unsigned long *>(data), [&]() __attribute__((always_inline)) {
			as_function<H>()(tp_raw<T>::wrap(args)...);
		});
	}
	// C++ cannot turn a function pointer into void * in a constant
	// expression, so the descriptor points at this object instead.
	static constexpr void (*slot)(void *, typename tp_raw<T>::type...) = &probe;
};

// A begin, end or interval probe: the core calls run() (kp_run_t, void(void)).
template <auto H, kp_probe_state *S = nullptr> struct run_thunk {
	static void run()
	{
		counted<S>([&]() __attribute__((always_inline)) { as_function<H>()(); });
	}
};

} // namespace detail
} // namespace
} // namespace kp
