// SPDX-License-Identifier: GPL-2.0
// Probes are types.  A probe type names what to attach to and what its
// arguments are; KP_PROBE binds it to handler functions and puts one
// constant descriptor in the registry.
//
// The rooms behind this file:
//   options.hpp    kp::Args, kp::Returns, kp::Data, kp::Offset, kp::MaxActive,
//                  kp::Name, kp::Optional and the one parser of a probe's options
//   handlers.hpp   what a handler is, and the checks of the handlers
//   thunks.hpp     the functions the kernel calls
//   describe.hpp   the descriptors
//   decode.hpp     the per-type decoding rules, through arch/kp_arch.h
// This file: the probe kinds (what each accepts and checks, in its own
// words), the public probe types, and KP_PROBE.
#pragma once

#include "../kp_abi.h"
#include "btf_types.hpp"
#include "decode.hpp"
#include "describe.hpp"
#include "fentry.hpp"
#include "fixed_string.hpp"
#include "meta.hpp"
#include "options.hpp"

#define KP_STRINGIFY_(x) #x
#define KP_STRINGIFY(x) KP_STRINGIFY_(x)

/*
 * A syscall probe kind's messages and rules: KP_PROBE_KIND's, the symbol
 * (the syscall wrapper's, or sys_NAME), and check_rules: the build says
 * whether the kernel has syscall wrappers, and a system call takes at most
 * KP_MAX_SYSCALL_ARGS (arch/kp_arch.h) arguments.
 */
#define KP_SYSCALL_KIND(KIND, ACCEPTS)                                                             \
	KP_PROBE_KIND(KIND, "system call name", ACCEPTS)                                           \
	template <fixed_string Name> static consteval auto symbol() { return syscall_symbol<Name>(); } \
	template <class Options, int Wrapper = syscall_wrapper>                                    \
	static consteval bool check_rules()                                                        \
	{                                                                                          \
		constexpr unsigned n = Options::args::size;                                        \
		static_assert(Wrapper >= 0,                                                        \
			      KIND ": KP_SYSCALL_WRAPPER is not defined: build through Kbuild "    \
				   "(make), which reads CONFIG_ARCH_HAS_SYSCALL_WRAPPER from the " \
				   "target kernel");                                               \
		static_assert(Wrapper < 0 || n <= KP_MAX_SYSCALL_ARGS,                             \
			      KIND ": system calls take at most " KP_STRINGIFY(                    \
				      KP_MAX_SYSCALL_ARGS) " arguments");                          \
		if constexpr (Wrapper < 0 || n > KP_MAX_SYSCALL_ARGS)                              \
			return false;                                                              \
		else                                                                               \
			return check_syscall_pointers<typename Options::args>();                   \
	}

namespace kp {
namespace {

// ---- the probe kinds ----------------------------------------------------------
//
// Each kind: its messages (KP_PROBE_KIND), the option families it accepts,
// its own rules beyond its options' (check_rules), and its descriptor for
// the parsed options and the handlers (describe).

namespace detail {

// The 1-based position of the first plain (kernel) pointer in a list; 0: none.
template <class L, unsigned I = 1> struct first_pointer_ : meta::constant<unsigned, 0> {};
template <class A, class... R, unsigned I>
struct first_pointer_<meta::list<A, R...>, I>
	: meta::constant<unsigned, meta::is_pointer<A> ? I : first_pointer_<meta::list<R...>, I + 1>::value> {};

// A system call's pointer arguments are user pointers: kp::User<T *>.
template <class ArgList> consteval bool check_syscall_pointers()
{
	constexpr unsigned at = first_pointer_<ArgList>::value;
	if constexpr (at == 0)
		return true;
	else
		return report<typename error::syscall_argument<at>::
				      template points_to_user_memory_declare_it_as_kp_User<
					      meta::at<ArgList, at - 1>>>();
}

template <bool WithArgs> consteval bool check_offset_without_args()
{
	static_assert(!WithArgs,
		      "kp::Kprobe: a probe at kp::Offset<N> receives the registers (const kp::Regs "
		      "&), not kp::Args<...>: inside a function the arguments are no longer where "
		      "the ABI put them");
	return !WithArgs;
}

struct kprobe_kind : kind_defaults {
	KP_PROBE_KIND("kp::Kprobe", "symbol name", "kp::Args<T...> or kp::Offset<N>")
	using accepts = meta::list<Args<>, Offset<0>>;

	template <class O> static consteval bool check_rules()
	{
		return check_offset_without_args<O::at_offset && O::template given<Args<>>>();
	}
	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		if constexpr (O::at_offset)
			return describe_offset<arch::native, O::offset, S, H...>(d);
		else
			return describe_kprobe<arch::native, typename O::args, false, false, S, H...>(d);
	}
};

// describe: fentry.hpp's
struct fentry_kind : kind_defaults, fentry_describe {
	KP_PROBE_KIND("kp::Fentry", "symbol name",
		      "only kp::Args<T...> (an entry probe on ftrace attaches at function entry)")
	using accepts = meta::list<Args<>>;
};

// The pattern P (the probe's "symbol") is checked here: the kind is per pattern.
template <fixed_string P> struct fentry_match_kind : kind_defaults, fentry_match_describe {
	KP_PROBE_KIND("kp::FentryMatch", "pattern",
		      "kp::Args<T...> (the leading arguments every matching function has) and "
		      "kp::MaxMatches<N>")
	using accepts = meta::list<Args<>, MaxMatches<0>>;

	template <class O> static consteval bool check_rules()
	{
		constexpr auto f = check_pattern_chars(P);
		using F = pattern_fault;
		static_assert(f != F::too_long, "kp::FentryMatch<\"...\">: a pattern has at most 127 "
						"characters");
		static_assert(f != F::negated,
			      "kp::FentryMatch<\"...\">: a pattern may not start with ! (ftrace "
			      "reads that as removing functions): name the functions to attach to");
		static_assert(f != F::character,
			      "kp::FentryMatch<\"...\">: a pattern is a shell glob over function "
			      "names (* ? [...]): printable ASCII without spaces or colons");
		return f == F::none || f == F::empty; // empty: check_name's error
	}
};

struct kretprobe_kind : kind_defaults {
	KP_PROBE_KIND("kp::Kretprobe", "symbol name",
		      "kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N> (no "
		      "kp::Offset<N>: a kretprobe attaches at function entry)")
	using accepts = meta::list<Args<>, Returns<void>, Data<no_data>, MaxActive<0>>;

	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_kretprobe<arch::native, typename O::args, false, false,
					  typename O::returns, typename O::data, O::maxactive, S,
					  H...>(d);
	}
};

struct fexit_kind : kind_defaults {
	KP_PROBE_KIND("kp::Fexit", "symbol name",
		      "kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N> (no "
		      "kp::Offset<N>: a return probe attaches at function entry)")
	using accepts = meta::list<Args<>, Returns<void>, Data<no_data>, MaxActive<0>>;

	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_fexit<arch::native, typename O::args, typename O::returns,
				      typename O::data, O::maxactive, S, H...>(d);
	}
};

struct tracepoint_kind : kind_defaults {
	KP_PROBE_KIND("kp::Tracepoint", "tracepoint name",
		      "only kp::Args<T...>, the tracepoint's TP_PROTO")
	using accepts = meta::list<Args<>>;

	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_tracepoint<typename O::args, S, H...>(d);
	}
};

struct syscall_kind : kind_defaults {
	KP_SYSCALL_KIND("kp::Syscall", "only kp::Args<T...>, the system call's arguments")
	using accepts = meta::list<Args<>>;

	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_kprobe<arch::native, typename O::args, true, syscall_wrapper == 1, S,
				       H...>(d);
	}
};

struct syscall_return_kind : kind_defaults {
	KP_SYSCALL_KIND("kp::SyscallReturn",
			"kp::Args<T...>, kp::Data<D>, kp::MaxActive<N> (no kp::Returns<R>: the "
			"return value is always long)")
	using accepts = meta::list<Args<>, Data<no_data>, MaxActive<0>>;

	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_kretprobe<arch::native, typename O::args, true, syscall_wrapper == 1,
					  long, typename O::data, O::maxactive, S, H...>(d);
	}
};

// Begin and end: no options of their own, a void() handler.
template <unsigned Kind> struct run_kind : kind_defaults {
	using accepts = meta::list<>;

	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_run<Kind, 0, S, H...>(d);
	}
};
struct begin_kind : run_kind<KP_KIND_BEGIN> {
	KP_PROBE_KIND("kp::Begin", "name", "no options of its own")
};
struct end_kind : run_kind<KP_KIND_END> {
	KP_PROBE_KIND("kp::End", "name", "no options of its own")
};

// The longest period: a day (the core's timer counts in jiffies).
inline constexpr long max_interval_ms = 86400000;

template <long Ms> struct interval_kind : kind_defaults {
	KP_PROBE_KIND("kp::Interval<N>", "name", "no options of its own")
	using accepts = meta::list<>;

	template <class O> static consteval bool check_rules()
	{
		static_assert(Ms >= 1 && Ms <= max_interval_ms,
			      "kp::Interval<N>: N is the period in milliseconds, from 1 to 86400000 "
			      "(a day)");
		return Ms >= 1 && Ms <= max_interval_ms;
	}
	template <class O, kp_probe_state *S, auto... H>
	static consteval kp_probe_desc describe(kp_probe_desc d)
	{
		return describe_run<KP_KIND_INTERVAL, (unsigned)Ms, S, H...>(d);
	}
};

} // namespace detail

// ---- the probe types ----------------------------------------------------------

// kp::Kprobe<"symbol", kp::Args<T...>>: at function entry, handler void(T...).
// kp::Kprobe<"symbol", kp::Offset<N>>: at symbol+N, handler void(const kp::Regs &).
template <fixed_string Sym, class... Opts>
struct Kprobe : detail::probe<detail::kprobe_kind, Sym, Opts...> {};

// kp::Fentry<"symbol", kp::Args<T...>>: at function entry on the module's one
// ftrace_ops (framework/core/kp_ftrace.c), handler void(T...) as for
// kp::Kprobe; cheaper per hit than a kprobe (no breakpoint on arm64, no
// kprobe dispatch on x86_64).
template <fixed_string Sym, class... Opts>
struct Fentry : detail::probe<detail::fentry_kind, Sym, Opts...> {};

// kp::FentryMatch<"pattern", kp::Args<T...>, kp::MaxMatches<N>>: an entry
// probe on ftrace on every function the shell pattern matches in
// available_filter_functions at load (ftrace's own matching,
// ftrace_set_filter), attached with the module's kp::Fentry probes in one
// filter update; handler void(kp::Sym fn, T...): fn is the function's
// start (%pS: "name+0x0/..."), T... the leading arguments every matching
// function has (kp::Args<> or none: just fn).  At most N functions (default
// 1000); zero or more than N fail its registration (kp::Optional skips it).
template <fixed_string Pattern, class... Opts>
struct FentryMatch : detail::probe<detail::fentry_match_kind<Pattern>, Pattern, Opts...> {};

// kp::Kretprobe<"symbol", kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N>>
// (every option optional, any order).
template <fixed_string Sym, class... Opts>
struct Kretprobe : detail::probe<detail::kretprobe_kind, Sym, Opts...> {};

// kp::Fexit<"symbol", kp::Args<T...>, kp::Returns<R>, kp::Data<D>, kp::MaxActive<N>>:
// a return probe with kp::Kretprobe's handlers on the cheapest mechanism the
// kernel has: an fprobe (entry on ftrace, return on a rethook) where the
// kernel has CONFIG_FPROBE (6.5-6.13), else a kretprobe.
template <fixed_string Sym, class... Opts>
struct Fexit : detail::probe<detail::fexit_kind, Sym, Opts...> {};

// kp::Tracepoint<"name", kp::Args<TP_PROTO types...>>, looked up by name at load.
template <fixed_string Name, class... Opts>
struct Tracepoint : detail::probe<detail::tracepoint_kind, Name, Opts...> {};

// kp::Syscall<"openat", kp::Args<T...>>: at the syscall's entry, arguments
// decoded with the syscall convention (through the pt_regs the syscall
// wrapper receives, when the kernel has wrappers).
template <fixed_string Name, class... Opts>
struct Syscall : detail::probe<detail::syscall_kind, Name, Opts...> {};

// kp::SyscallReturn<"openat", kp::Args<T...>, kp::Data<D>>: a kretprobe on the
// syscall; the entry handler gets the decoded arguments, the return handler
// the syscall's long result.
template <fixed_string Name, class... Opts>
struct SyscallReturn : detail::probe<detail::syscall_return_kind, Name, Opts...> {};

// kp::Begin<>: its void() handler runs once at load, after every probe
// registered (in registration order among begin probes).
template <class... Opts> struct Begin : detail::probe<detail::begin_kind, "begin", Opts...> {};

// kp::End<>: its void() handler runs once at unload, before the first probe
// is unregistered (every probe still live; in registration order).
template <class... Opts> struct End : detail::probe<detail::end_kind, "end", Opts...> {};

// kp::Interval<N>: its void() handler runs every N milliseconds from a
// kernel timer (softirq context: no sleeping, as in any handler), from
// registration until unregistration; the timer counts in jiffies (N is
// rounded up to a whole jiffy: 4 ms at the Debian kernels' HZ=250).
template <long Ms, class... Opts>
struct Interval : detail::probe<detail::interval_kind<Ms>, "interval", Opts...> {};

// ---- KP_PROBE -----------------------------------------------------------------

namespace detail {
template <class P> inline constexpr bool is_probe = false;
template <fixed_string S, class... O> inline constexpr bool is_probe<Kprobe<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Kretprobe<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Fentry<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<FentryMatch<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Fexit<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Tracepoint<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<Syscall<S, O...>> = true;
template <fixed_string S, class... O> inline constexpr bool is_probe<SyscallReturn<S, O...>> = true;
template <class... O> inline constexpr bool is_probe<Begin<O...>> = true;
template <class... O> inline constexpr bool is_probe<End<O...>> = true;
template <long Ms, class... O> inline constexpr bool is_probe<Interval<Ms, O...>> = true;

template <class P> consteval bool check_probe_type()
{
	static_assert(is_probe<P>, "KP_PROBE: the first argument must be a probe type, e.g. "
				   "kp::Kprobe<\"do_sys_openat2\", kp::Args<int, const char *>>");
	return is_probe<P>;
}

template <class P> consteval auto probe_symbol()
{
	if constexpr (is_probe<P>)
		return P::symbol;
	else
		return fixed_string("");
}

// kp::Name<"...">'s name when it is given and valid, else "" (derived).
template <class P> consteval auto probe_name()
{
	if constexpr (is_probe<P>) {
		if constexpr (P::options::valid)
			return P::options::name;
		else
			return fixed_string("");
	} else {
		return fixed_string("");
	}
}

// KP_PROBE(P, handlers...) parses its arguments as bind<P, handlers...>, so
// commas inside P's template arguments need no parentheses.
// The probe's record for the BTF check (btf_types.hpp): kprobes at a
// function's entry, kretprobes, kp::Fentry and kp::Fexit, tracepoints.
template <class P> struct type_kind {
	static constexpr const char *name = nullptr;
	static constexpr bool returns = false;
};
template <fixed_string S, class... O> struct type_kind<Kprobe<S, O...>> {
	static constexpr const char *name = "kprobe";
	static constexpr bool returns = false;
};
template <fixed_string S, class... O> struct type_kind<Kretprobe<S, O...>> {
	static constexpr const char *name = "kretprobe";
	static constexpr bool returns = true;
};
template <fixed_string S, class... O> struct type_kind<Fentry<S, O...>> {
	static constexpr const char *name = "fentry";
	static constexpr bool returns = false;
};
template <fixed_string S, class... O> struct type_kind<Fexit<S, O...>> {
	static constexpr const char *name = "fexit";
	static constexpr bool returns = true;
};
template <fixed_string S, class... O> struct type_kind<Tracepoint<S, O...>> {
	static constexpr const char *name = "tracepoint";
	static constexpr bool returns = false;
};

template <class P> consteval type_record probe_type_record(const char *file, unsigned line)
{
	if constexpr (!is_probe<P> || type_kind<P>::name == nullptr) {
		return {};
	} else if constexpr (!P::options::valid || P::options::at_offset) {
		return {};
	} else {
		using Ret = meta::cond_t<type_kind<P>::returns, typename P::options::returns, void>;
		return make_type_record<typename P::options, Ret>(type_kind<P>::name,
								  P::symbol.data, file, line);
	}
}

template <class P, auto... H> struct bind {
	static consteval type_record types(const char *file, unsigned line)
	{
		return probe_type_record<P>(file, line);
	}
	static constexpr auto symbol = probe_symbol<P>();
	static constexpr auto name = probe_name<P>();
	static consteval kp_probe_desc describe(const char *sym, const char *name, const char *file,
						unsigned line, unsigned seq)
	{
		if constexpr (!check_probe_type<P>())
			return {};
		else
			return P::template describe<P::template state<H...>, H...>(
				base_desc(sym, name, file, line, seq));
	}
};
} // namespace detail

} // namespace
} // namespace kp

#define KP_CAT_(a, b) a##b
#define KP_CAT(a, b) KP_CAT_(a, b)

/*
 * KP_PROBE(probe-type, handler)               kprobe, syscall, tracepoint
 * KP_PROBE(probe-type, on_return)             kretprobe without entry handler
 * KP_PROBE(probe-type, on_entry, on_return)   kretprobe
 *
 * Adds one constant descriptor to the registry (section "kp_probes"): the
 * entry is a plain internal-linkage variable, as the registry requires.
 * Every probe type also takes kp::Name<"name"> (its name in the status and
 * control files and the module parameters; default "<file>:<line>") and
 * kp::Optional (skipped, not a load failure, when it cannot attach); its
 * state (P::state<handlers...>, framework/kp/describe.hpp) counts its hits.
 * Probes register in declaration order within a file (__COUNTER__ order,
 * also for probes that come from an included header) and in link order (the
 * order of the probe directories' files, sorted by name) across files.
 */
#define KP_PROBE(...) KP_PROBE_(__COUNTER__, __VA_ARGS__)
/*
 * The registry's objects are named .L<...>: assembler-local labels, not in
 * the module's symbol table.  The kernel looks every kprobe's symbol up by
 * name, and that lookup compares with every symbol of every loaded module,
 * this one first; 1,000 probes made 3,000 more symbols, about a fifth of the
 * load time (bench/, BENCHMARKS.md).  The thunks keep their names: they are
 * what a stack trace through a handler shows.
 */
#define KP_LOCAL_LABEL(what, n) __asm__(".Lkp_" #what "_" #n)
#define KP_PROBE_(n, ...) KP_PROBE__(n, __VA_ARGS__)
#define KP_PROBE__(n, ...)                                                                     \
	using KP_CAT(kp_bound_, n) = ::kp::detail::bind<__VA_ARGS__>;                           \
	static constexpr auto KP_CAT(kp_symbol_, n) KP_LOCAL_LABEL(symbol, n) =                 \
		KP_CAT(kp_bound_, n)::symbol;                                                   \
	static constexpr auto KP_CAT(kp_name_, n) KP_LOCAL_LABEL(name, n) =                     \
		KP_CAT(kp_bound_, n)::name;                                                     \
	static constexpr ::kp_probe_desc KP_CAT(kp_desc_, n) KP_LOCAL_LABEL(desc, n) =          \
		KP_CAT(kp_bound_, n)::describe(KP_CAT(kp_symbol_, n).data,                      \
					       KP_CAT(kp_name_, n).data, __FILE__, __LINE__, n);  \
	[[gnu::used, gnu::section(".kp_types")]] static constexpr ::kp::detail::type_record    \
		KP_CAT(kp_types_, n) KP_LOCAL_LABEL(types, n) =                                 \
			KP_CAT(kp_bound_, n)::types(__FILE__, __LINE__);                        \
	[[gnu::used, gnu::section("kp_probes")]] static const ::kp_probe_desc *const KP_CAT(   \
		kp_entry_, n) KP_LOCAL_LABEL(entry, n) = &KP_CAT(kp_desc_, n)
