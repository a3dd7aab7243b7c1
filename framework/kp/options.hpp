// SPDX-License-Identifier: GPL-2.0
// Probe options, and the one parser every probe type reads them with.
//
// An option is a type with two members besides its value:
//   family    the option with its default value: options of one family are
//             "the same option" (given twice is an error), and the family is
//             what the parser yields when the option is not given;
//   check()   the option's own rule (the argument types decode, N >= 0, ...):
//             a static_assert with a message per rule, true when kept.
// A probe kind (framework/kp/probes.hpp) lists the families it accepts and
// states its messages with KP_PROBE_KIND.  options<Kind, Opts...> checks
// Opts in order (accepted by the kind, given once, its own rule), one error
// for each wrong option and nothing after it, and yields every option, given
// or default.
//
// Adding an option: its type below (value, family, check()), its family in
// the `accepts` list of each kind that takes it (or in every_probe, and in
// KP_EVERY_PROBE_TAKES), and, when the descriptor needs it, a named member
// of options<> (or options<>::get<Family>).
#pragma once

#include "../kp_abi.h"
#include "decode.hpp"
#include "fixed_string.hpp"
#include "meta.hpp"

namespace kp {
namespace {

namespace detail {
struct no_data {}; // kp::Data not given: the handlers take no D &
} // namespace detail

// kp::Args<T...>: the probed function's (tracepoint's, system call's) arguments.
template <class... T> struct Args {
	using list = meta::list<T...>;
	using family = Args<>;
	static consteval bool check() { return (true && ... && check_arg_type<T>()); }
};

// kp::Returns<R>: the probed function's return type (a kretprobe's return handler takes an R).
template <class R> struct Returns {
	using type = R;
	using family = Returns<void>;
	static consteval bool check() { return check_return_type<R>(); }
};

// kp::Data<D>: per-call data a kretprobe's entry handler fills for its return handler.
template <class D> struct Data {
	using type = D;
	using family = Data<detail::no_data>;
	static consteval bool check()
	{
		if constexpr (meta::is_void<D> || meta::is_reference<D> || meta::is_function<D>) {
			static_assert(meta::always_false<D>,
				      "kp::Data<D>: D must be an object type (a struct, an array or a "
				      "scalar): the kernel keeps one per call");
			return false;
		} else if constexpr (!__is_trivially_copyable(D)) {
			static_assert(meta::always_false<D>,
				      "kp::Data<D>: D lives in per-call memory the kernel hands out and "
				      "no constructor or destructor runs: D must be trivially copyable");
			return false;
		} else if constexpr (alignof(D) > 8) {
			static_assert(meta::always_false<D>,
				      "kp::Data<D>: D may be aligned to at most 8 bytes");
			return false;
		} else if constexpr (sizeof(D) > KP_KRETPROBE_MAX_DATA_SIZE) {
			static_assert(meta::always_false<D>,
				      "kp::Data<D>: D is larger than the kernel's per-call data limit "
				      "(KRETPROBE_MAX_DATA_SIZE, 4096 bytes)");
			return false;
		} else {
			return true;
		}
	}
};

// kp::Offset<N>: a kprobe at symbol+N.
template <unsigned long N> struct Offset {
	static constexpr unsigned long value = N;
	using family = Offset<0>;
	static consteval bool check() { return true; }
};

// kp::MaxActive<N>: how many calls of the function a kretprobe follows at once (0: the default).
template <int N> struct MaxActive {
	static constexpr int value = N;
	using family = MaxActive<0>;
	static consteval bool check()
	{
		static_assert(N >= 0, "kp::MaxActive<N>: N must not be negative");
		return N >= 0;
	}
};

// kp::MaxMatches<N>: at most N functions may match a kp::FentryMatch pattern
// (default KP_PATTERN_MAX_DEFAULT, 1000); more fail its registration
// (-E2BIG) with one line naming the probe, the pattern and the count.
template <unsigned N> struct MaxMatches {
	static constexpr unsigned value = N;
	using family = MaxMatches<0>;
	static consteval bool check()
	{
		static_assert(N >= 1 && N <= KP_PATTERN_MAX,
			      "kp::MaxMatches<N>: N is how many functions the pattern may match, "
			      "from 1 to 65536");
		return N >= 1 && N <= KP_PATTERN_MAX;
	}
};

namespace detail {

// What is wrong with a probe name (the core's rule, framework/core/kp_registry.c), or 0.
enum class name_fault { none, empty, too_long, character, reserved };
template <unsigned N> consteval name_fault check_name_chars(const fixed_string<N> &n)
{
	bool digits = true;
	if (n.empty())
		return name_fault::empty;
	if (n.size() > 127)
		return name_fault::too_long;
	for (unsigned i = 0; i < n.size(); i++) {
		const char c = n.data[i];
		if (c <= ' ' || c > '~' || c == ',' || c == '*' || c == '?' || c == '[' || c == ']' ||
		    c == '\\')
			return name_fault::character;
		digits = digits && c >= '0' && c <= '9';
	}
	const bool all = n.size() == 3 && n.data[0] == 'a' && n.data[1] == 'l' && n.data[2] == 'l';
	return digits || all ? name_fault::reserved : name_fault::none;
}

} // namespace detail

// kp::Name<"opens">: the probe's name in the status file, in control
// commands and in the module parameters; unique in the module.  Without it
// the name is "<file>:<line>" of the KP_PROBE.
template <fixed_string N> struct Name {
	static constexpr auto value = N;
	using family = Name<"">;
	static consteval bool check()
	{
		constexpr auto f = detail::check_name_chars(N);
		using F = detail::name_fault;
		static_assert(f != F::empty, "kp::Name<\"...\">: the probe name is empty");
		static_assert(f != F::too_long, "kp::Name<\"...\">: a probe name has at most 127 "
						"characters");
		static_assert(f != F::character,
			      "kp::Name<\"...\">: a probe name is printable ASCII without spaces, "
			      "commas or * ? [ ] \\ (the module parameters and the control file "
			      "split at those or read them as patterns)");
		static_assert(f != F::reserved,
			      "kp::Name<\"...\">: \"all\" and numbers are not probe names (control "
			      "commands read them as every probe and as an index)");
		return f == F::none;
	}
};

// kp::Optional: a probe that may fail to attach (missing symbol, a function
// on the kprobe blacklist, no such tracepoint): the module loads without it
// and the status file shows it "skipped -ERRNO".  Without it a probe that
// cannot attach fails the load.
struct Optional {
	using family = Optional;
	static consteval bool check() { return true; }
};

namespace detail {

// The family of an option; void for a type that is not an option.
template <class O> struct family_of {
	using type = void;
};
template <class O>
	requires requires { typename O::family; }
struct family_of<O> {
	using type = typename O::family;
};
template <class O> using family = typename family_of<O>::type;

// The first option of family F among Opts, or F itself (the default).
template <class F, class... Opts> struct pick {
	using type = F;
};
template <class F, class O, class... Rest> struct pick<F, O, Rest...> {
	using type = meta::cond_t<meta::is_same<family<O>, F>, O, typename pick<F, Rest...>::type>;
};

// The families every probe kind accepts besides its own `accepts`.
using every_probe = meta::list<Name<"">, Optional>;

// One option O of a Kind's declaration; Again: an option of its family came before.
template <class Kind, class O, bool Again> consteval bool check_option()
{
	constexpr bool accepted = meta::contains<typename Kind::accepts, family<O>> ||
				  meta::contains<every_probe, family<O>>;
	if constexpr (!Kind::template check_option<accepted, !Again>())
		return false;
	else
		return O::check();
}

// Opts in order; Seen: the families given before them.
template <class Kind, class Seen, class... Opts> struct check_options : meta::true_type {};
template <class Kind, class... Seen, class O, class... Rest>
struct check_options<Kind, meta::list<Seen...>, O, Rest...> {
	static constexpr bool value =
		check_option<Kind, O, (false || ... || meta::is_same<family<O>, Seen>)>() &&
		check_options<Kind, meta::list<Seen..., family<O>>, Rest...>::value;
};

// The parser: the options Opts of a probe of kind Kind.
template <class Kind, class... Opts> struct options {
	// Each option accepted by Kind, given once and keeping its own rule
	// (otherwise one error for each option that is not).
	static constexpr bool valid = check_options<Kind, meta::list<>, Opts...>::value;

	// Whether an option of family F is given, and that option (or F, the default).
	template <class F> static constexpr bool given = (false || ... || meta::is_same<family<Opts>, F>);
	template <class F> using get = typename pick<F, Opts...>::type;

	using args = typename get<Args<>>::list;
	using returns = typename get<Returns<void>>::type;
	using data = typename get<Data<no_data>>::type;
	static constexpr bool at_offset = given<Offset<0>>;
	static constexpr unsigned long offset = get<Offset<0>>::value;
	static constexpr int maxactive = get<MaxActive<0>>::value;
	// kp::FentryMatch: the most functions its pattern may match
	static constexpr unsigned max_matches =
		get<MaxMatches<0>>::value ? get<MaxMatches<0>>::value : KP_PATTERN_MAX_DEFAULT;
	static constexpr auto name = get<Name<"">>::value; // "": derived by the core
	static constexpr bool optional = given<Optional>;
};

} // namespace detail

} // namespace
} // namespace kp

/* The options every probe kind accepts besides its own (the families in kp::detail::every_probe). */
#define KP_EVERY_PROBE_TAKES ", and kp::Name<\"name\">, kp::Optional"

/*
 * A probe kind's messages, in its own words, for the checks every probe
 * declaration passes (a static_assert message is one string literal, so the
 * preprocessor puts the sentences together): KIND is the probe type as the
 * user spells it, NAME what its string argument names, ACCEPTS the options
 * it takes.  Expands to the kind's check_name<Named>() and
 * check_option<Accepted, Once>() (used by options<> above).
 */
#define KP_PROBE_KIND(KIND, NAME, ACCEPTS)                                                         \
	template <bool Named> static consteval bool check_name()                                   \
	{                                                                                          \
		static_assert(Named, KIND ": the " NAME " is empty");                              \
		return Named;                                                                      \
	}                                                                                          \
	template <bool Accepted, bool Once> static consteval bool check_option()                   \
	{                                                                                          \
		static_assert(Accepted, KIND ": unknown option: " KIND " takes " ACCEPTS           \
			      KP_EVERY_PROBE_TAKES);                                               \
		static_assert(!Accepted || Once, KIND ": an option is given twice: " KIND " takes " \
						 ACCEPTS KP_EVERY_PROBE_TAKES);            \
		return Accepted && Once;                                                           \
	}
