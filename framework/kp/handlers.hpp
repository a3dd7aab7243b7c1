// SPDX-License-Identifier: GPL-2.0
// What a handler is, and the checks of the handlers KP_PROBE binds to a
// probe: how many, and each one's exact signature.  Each check states its
// rule with a static_assert message and returns whether it holds, so that
// nothing is built (and no follow-on error appears) from a wrong handler.
#pragma once

#include "decode.hpp"
#include "meta.hpp"
#include "options.hpp"

namespace kp {
namespace {
namespace detail {

// A handler given as a function or a captureless lambda, as a function pointer.
template <auto H> consteval auto as_function()
{
	if constexpr (meta::is_class<decltype(H)>)
		return +H;
	else
		return H;
}
template <auto H> inline constexpr bool is_handler =
	meta::is_function_pointer<decltype(as_function<H>())>;

template <auto H> struct handler_sig : meta::fn<decltype(as_function<H>())> {};

template <unsigned I, auto First, auto... Rest> consteval auto nth()
{
	if constexpr (I == 0)
		return First;
	else
		return nth<I - 1, Rest...>();
}

// ---- the signature rules ------------------------------------------------------
//
// Each rule: check<Ret, Params>() of a handler returning Ret and taking
// Params (a meta::list), one static_assert message per broken part.

// A kprobe (or syscall) handler: void(T...).
template <class ArgList> struct kprobe_handler {
	template <class Ret, class Params> static consteval bool check()
	{
		static_assert(meta::is_void<Ret>,
			      "kp::Kprobe: the handler must return void (a kprobe pre-handler's non-zero "
			      "result would tell the kernel to skip single-stepping)");
		static_assert(Params::size == ArgList::size,
			      "kp::Kprobe: the handler takes a different number of parameters than "
			      "kp::Args<...> declares");
		static_assert(Params::size != ArgList::size || meta::is_same<ArgList, Params>,
			      "kp::Kprobe: the handler's parameter types must be exactly the types in "
			      "kp::Args<...>, in the same order");
		return meta::is_void<Ret> && meta::is_same<ArgList, Params>;
	}
};

// An offset probe's handler: void(const kp::Regs &).
template <class Arch> struct offset_handler {
	template <class Ret, class Params> static consteval bool check()
	{
		constexpr bool ok = meta::is_void<Ret> &&
				    meta::is_same<meta::list<const basic_regs<Arch> &>, Params>;
		static_assert(ok, "kp::Kprobe<..., kp::Offset<N>>: the handler must be "
				  "void(const kp::Regs &): inside a function the arguments are no "
				  "longer where the ABI put them");
		return ok;
	}
};

// A kretprobe entry handler: bool or void (D &, T...), or (T...) without Data.
template <class ArgList, class D> struct entry_handler {
	using expected = meta::cond_t<meta::is_same<D, no_data>, ArgList,
				      typename meta::prepend<ArgList, D &>::type>;
	template <class Ret, class Params> static consteval bool check()
	{
		constexpr bool ret_ok = meta::is_void<Ret> || meta::is_same<Ret, bool>;
		static_assert(ret_ok, "kp::Kretprobe: the entry handler returns void, or bool (false: "
				      "skip the return handler for this call)");
		static_assert(meta::is_same<expected, Params>,
			      "kp::Kretprobe: the entry handler's parameters must be (D &, T...) with "
			      "kp::Data<D> and kp::Args<T...>, or (T...) without kp::Data");
		return ret_ok && meta::is_same<expected, Params>;
	}
};

// A kretprobe return handler: void(D &, R), void(D &), void(R) or void().
template <class R, class D> struct return_handler {
	using with_r = meta::cond_t<meta::is_void<R>, meta::list<>, meta::list<R>>;
	using expected = meta::cond_t<meta::is_same<D, no_data>, with_r,
				      typename meta::prepend<with_r, D &>::type>;
	template <class Ret, class Params> static consteval bool check()
	{
		static_assert(meta::is_void<Ret>, "kp::Kretprobe: the return handler must return void");
		static_assert(meta::is_same<expected, Params>,
			      "kp::Kretprobe: the return handler's parameters must be (D &, R) with "
			      "kp::Data<D> and kp::Returns<R>; drop D & without kp::Data, drop R "
			      "without kp::Returns");
		return meta::is_void<Ret> && meta::is_same<expected, Params>;
	}
};

// A tracepoint handler: void(T...), called with the tracepoint's arguments.
template <class ArgList> struct tracepoint_handler {
	template <class Ret, class Params> static consteval bool check()
	{
		constexpr bool ok = meta::is_void<Ret> && meta::is_same<ArgList, Params>;
		static_assert(ok, "kp::Tracepoint: the handler must be void(T...) with exactly the "
				  "types of kp::Args<T...> (the tracepoint's TP_PROTO)");
		return ok;
	}
};

// A begin, end or interval handler: void(), called by the core.
template <class Kind> struct run_handler {
	template <class Ret, class Params> static consteval bool check()
	{
		constexpr bool ok = meta::is_void<Ret> && Params::size == 0;
		static_assert(ok, "kp::Begin, kp::End, kp::Interval: the handler must be void(), "
				  "without parameters");
		return ok;
	}
};

// ---- the checks ---------------------------------------------------------------

// H is a function (or a captureless lambda) that keeps Rule.
template <class Rule, auto H> consteval bool check_handler()
{
	static_assert(is_handler<H>, "KP_PROBE: a handler must be a function or a captureless lambda");
	if constexpr (!is_handler<H>)
		return false;
	else
		return Rule::template check<typename handler_sig<H>::ret, typename handler_sig<H>::params>();
}

// Exactly one handler, keeping Rule.
template <class Rule, auto... H> consteval bool check_one_handler()
{
	static_assert(sizeof...(H) == 1,
		      "KP_PROBE: this probe takes exactly one handler: KP_PROBE(probe, handler)");
	if constexpr (sizeof...(H) != 1)
		return false;
	else
		return check_handler<Rule, H...>();
}

// A kretprobe's handlers: [on_entry,] on_return.
template <class ArgList, class R, class D, auto... H> consteval bool check_kretprobe_handlers()
{
	constexpr unsigned n = sizeof...(H);
	static_assert(n == 1 || n == 2,
		      "KP_PROBE: a kretprobe takes a return handler, or an entry handler and a return "
		      "handler: KP_PROBE(kp::Kretprobe<...>, [on_entry,] on_return)");
	static_assert(n != 1 || meta::is_same<D, no_data>,
		      "kp::Kretprobe: kp::Data<D> is filled by an entry handler: give one, "
		      "KP_PROBE(probe, on_entry, on_return)");
	if constexpr (n == 1 && meta::is_same<D, no_data>) {
		return check_handler<return_handler<R, D>, nth<0, H...>()>();
	} else if constexpr (n == 2) {
		// both checked: two wrong handlers are two errors
		constexpr bool entry_ok = check_handler<entry_handler<ArgList, D>, nth<0, H...>()>();
		constexpr bool return_ok = check_handler<return_handler<R, D>, nth<1, H...>()>();
		return entry_ok && return_ok;
	} else {
		return false;
	}
}

} // namespace detail
} // namespace
} // namespace kp
