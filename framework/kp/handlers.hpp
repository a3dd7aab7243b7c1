// SPDX-License-Identifier: GPL-2.0
// What a handler is, and the checks of the handlers KP_PROBE binds to a
// probe: how many, and each one's exact signature.  Each check states its
// rule with a static_assert message and returns whether it holds, so that
// nothing is built (and no follow-on error appears) from a wrong handler.
#pragma once

#include "decode.hpp"
#include "meta.hpp"
#include "options.hpp"

// ---- errors that name the position ------------------------------------------
//
// Never defined (so nothing is emitted for them): a handler that does not
// match its probe's declaration makes the compiler name one of these in its
// one error (CTRE's trick), which reads as a sentence carrying the position
// (parameters count from 1) and both types, e.g.
//   kp::error::kprobe_handler_parameter<3>::is_declared_as<int>::but_the_handler_takes<long>
//   kp::error::kprobe_handler_takes<1>::parameters_but_its_declaration_has<2>
// (clang: "implicit instantiation of undefined template '...'"; g++:
// "invalid application of 'sizeof' to incomplete type '...'").
namespace kp {
namespace error {
#define KP_HANDLER_ERRORS(KIND)                                                                    \
	template <unsigned Number> struct KIND##_handler_parameter {                               \
		template <class Declared> struct is_declared_as {                                  \
			template <class InHandler> struct but_the_handler_takes;                   \
		};                                                                                 \
	};                                                                                         \
	template <unsigned Count> struct KIND##_handler_takes {                                    \
		template <unsigned Declared> struct parameters_but_its_declaration_has;            \
	};
KP_HANDLER_ERRORS(kprobe)           // kp::Kprobe, kp::Syscall: kp::Args<T...>
KP_HANDLER_ERRORS(kretprobe_entry)  // (D &, T...): kp::Data<D>, kp::Args<T...>
KP_HANDLER_ERRORS(kretprobe_return) // (D &, R): kp::Data<D>, kp::Returns<R>
KP_HANDLER_ERRORS(tracepoint)       // kp::Args<TP_PROTO...>
KP_HANDLER_ERRORS(fentry_match)     // kp::FentryMatch: (kp::Sym, T...), kp::Args<T...>
#undef KP_HANDLER_ERRORS
// kp::Syscall, kp::SyscallReturn: a system call's pointer arguments point into user memory.
template <unsigned Number> struct syscall_argument {
	template <class Declared> struct points_to_user_memory_declare_it_as_kp_User;
};
} // namespace error
} // namespace kp

namespace kp {
namespace {
namespace detail {

// A handler given as a function or a captureless lambda, as a function
// pointer; a generic lambda (no single signature) is not one.
template <auto H> consteval auto as_function()
{
	if constexpr (meta::is_class<decltype(H)>) {
		if constexpr (requires { +H; })
			return +H;
		else
			return 0;
	} else {
		return H;
	}
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

// The one error naming E (one of kp::error's templates): E is incomplete,
// and the error is in a class instantiation, so the consteval caller stays
// a constant expression (no follow-on errors).
template <class E> struct report_ {
	static_assert(sizeof(E) != 0);
};
template <class E> consteval bool report()
{
	(void)sizeof(report_<E>);
	return false;
}

// A handler's parameters Got against the Declared ones: the count, then the
// first position that differs.
template <template <unsigned> class Parameter, template <unsigned> class Takes, class Declared,
	  class Got>
consteval bool check_parameters()
{
	constexpr unsigned at = meta::first_difference<Declared, Got>;
	if constexpr (Declared::size != Got::size)
		return report<typename Takes<Got::size>::template parameters_but_its_declaration_has<
			Declared::size>>();
	else if constexpr (at != 0)
		return report<typename Parameter<at>::template is_declared_as<
			meta::at<Declared, at - 1>>::template but_the_handler_takes<meta::at<Got, at - 1>>>();
	else
		return true;
}

// ---- the signature rules ------------------------------------------------------
//
// Each rule: check<Ret, Params>() of a handler returning Ret and taking
// Params (a meta::list): the first broken part is the one error.

// A kprobe (or syscall) handler: void(T...).
template <class ArgList> struct kprobe_handler {
	template <class Ret, class Params> static consteval bool check()
	{
		if constexpr (!meta::is_void<Ret>) {
			static_assert(meta::always_false<Ret>,
				      "kp::Kprobe: the handler must return void (a kprobe pre-handler's "
				      "non-zero result would tell the kernel to skip single-stepping)");
			return false;
		} else {
			return check_parameters<error::kprobe_handler_parameter,
						error::kprobe_handler_takes, ArgList, Params>();
		}
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

// A kretprobe (or kp::Fexit) entry handler: bool or void (D &, T...), or (T...) without Data.
template <class ArgList, class D, bool Fexit = false> struct entry_handler {
	using expected = meta::cond_t<meta::is_same<D, no_data>, ArgList,
				      typename meta::prepend<ArgList, D &>::type>;
	template <class Ret, class Params> static consteval bool check()
	{
		if constexpr (!meta::is_void<Ret> && !meta::is_same<Ret, bool>) {
			static_assert(Fexit || meta::always_false<Ret>,
				      "kp::Kretprobe: the entry handler returns void, or bool (false: "
				      "skip the return handler for this call)");
			static_assert(!Fexit || meta::always_false<Ret>,
				      "kp::Fexit: the entry handler returns void, or bool (false: "
				      "skip the return handler for this call)");
			return false;
		} else {
			return check_parameters<error::kretprobe_entry_handler_parameter,
						error::kretprobe_entry_handler_takes, expected, Params>();
		}
	}
};

// A kretprobe return handler: void(D &, R), void(D &), void(R) or void().
template <class R, class D, bool Fexit = false> struct return_handler {
	using with_r = meta::cond_t<meta::is_void<R>, meta::list<>, meta::list<R>>;
	using expected = meta::cond_t<meta::is_same<D, no_data>, with_r,
				      typename meta::prepend<with_r, D &>::type>;
	template <class Ret, class Params> static consteval bool check()
	{
		if constexpr (!meta::is_void<Ret>) {
			static_assert(Fexit || meta::always_false<Ret>,
				      "kp::Kretprobe: the return handler must return void");
			static_assert(!Fexit || meta::always_false<Ret>,
				      "kp::Fexit: the return handler must return void");
			return false;
		} else {
			return check_parameters<error::kretprobe_return_handler_parameter,
						error::kretprobe_return_handler_takes, expected, Params>();
		}
	}
};

// A tracepoint handler: void(T...), called with the tracepoint's arguments.
template <class ArgList> struct tracepoint_handler {
	template <class Ret, class Params> static consteval bool check()
	{
		if constexpr (!meta::is_void<Ret>) {
			static_assert(meta::always_false<Ret>,
				      "kp::Tracepoint: the handler must return void");
			return false;
		} else {
			return check_parameters<error::tracepoint_handler_parameter,
						error::tracepoint_handler_takes, ArgList, Params>();
		}
	}
};

// A kp::FentryMatch handler: void(kp::Sym, T...), the matched function's
// start, then the declared leading arguments.
template <class ArgList, class First> struct fentry_match_handler {
	using expected = typename meta::prepend<ArgList, First>::type;
	template <class Ret, class Params> static consteval bool check()
	{
		if constexpr (!meta::is_void<Ret>) {
			static_assert(meta::always_false<Ret>,
				      "kp::FentryMatch: the handler must return void");
			return false;
		} else {
			return check_parameters<error::fentry_match_handler_parameter,
						error::fentry_match_handler_takes, expected, Params>();
		}
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
	static_assert(is_handler<H>, "KP_PROBE: a handler must be a function or a captureless, "
				     "non-generic lambda");
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
template <class ArgList, class R, class D, bool Fexit, auto... H> consteval bool check_kretprobe_handlers()
{
	constexpr unsigned n = sizeof...(H);
	static_assert(Fexit || n == 1 || n == 2,
		      "KP_PROBE: a kretprobe takes a return handler, or an entry handler and a return "
		      "handler: KP_PROBE(kp::Kretprobe<...>, [on_entry,] on_return)");
	static_assert(!Fexit || n == 1 || n == 2,
		      "KP_PROBE: a kp::Fexit takes a return handler, or an entry handler and a return "
		      "handler: KP_PROBE(kp::Fexit<...>, [on_entry,] on_return)");
	static_assert(Fexit || n != 1 || meta::is_same<D, no_data>,
		      "kp::Kretprobe: kp::Data<D> is filled by an entry handler: give one, "
		      "KP_PROBE(probe, on_entry, on_return)");
	static_assert(!Fexit || n != 1 || meta::is_same<D, no_data>,
		      "kp::Fexit: kp::Data<D> is filled by an entry handler: give one, "
		      "KP_PROBE(probe, on_entry, on_return)");
	if constexpr (n == 1 && meta::is_same<D, no_data>) {
		return check_handler<return_handler<R, D, Fexit>, nth<0, H...>()>();
	} else if constexpr (n == 2) {
		// both checked: two wrong handlers are two errors
		constexpr bool entry_ok = check_handler<entry_handler<ArgList, D, Fexit>, nth<0, H...>()>();
		constexpr bool return_ok = check_handler<return_handler<R, D, Fexit>, nth<1, H...>()>();
		return entry_ok && return_ok;
	} else {
		return false;
	}
}

} // namespace detail
} // namespace
} // namespace kp
