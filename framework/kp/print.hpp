// SPDX-License-Identifier: GPL-2.0
// kp::print: type-safe output into the module's trace instance.
//
//   kp::print<"open dfd={} name={} comm={}\n">(dfd, name, kp::current_comm());
//
// The format is a template argument, so the compiler translates it into the
// kernel's printf format once, at build time ("open dfd=%d name=%s
// comm=%s\n"): every {} becomes the conversion of its argument's type, with
// the right length modifier; a literal % becomes %%; {{ and }} are the
// characters { and }.  At run time it is one call of kp_trace_printf()
// (kp_abi.h) with that constant format: the same cost as a hand-written
// trace_array_printk().  A format whose {} do not match the arguments, or
// an argument of a type that cannot be printed, does not compile, and the
// message names the position (argument N, or the format's {} number N).
//
// What each argument type prints as:
//   bool                                  %s      true / false
//   char                                  %c      the character
//   signed char, unsigned char            %hhd, %hhu
//   short, unsigned short                 %hd, %hu
//   int, unsigned int                     %d, %u
//   long, unsigned long                   %ld, %lu
//   long long, unsigned long long         %lld, %llu
//   an enum                               its underlying type's
//   const char *, char *, char[N]         %s      a NUL-terminated string in
//                                                 KERNEL memory (a user string:
//                                                 kp::read_user_str first)
//   kp::task_comm (kp::current_comm())    %s
//   any other pointer                     %p      hashed, as the kernel's %p
//                                                 (its default for pointers)
//   kp::Raw{p}                            %px     the address itself
//   kp::Sym{addr}                         %pS     symbol+offset/size [module]
// Floating point, structs, unions, arrays of other types, member pointers
// and nullptr are not printable.
//
// Why a template argument and not kp::print("...", args): the translated
// format must be a constant in the binary, and a function argument cannot
// be one (a consteval-checked format object would be rebuilt on every call).
#pragma once

#include "../kp_abi.h"
#include "context.hpp" // kp::task_comm
#include "fixed_string.hpp"
#include "meta.hpp"
#include "sym.hpp" // kp::Sym

namespace kp {
namespace {

// A pointer printed as the address itself (%px), not hashed.
struct Raw {
	const void *addr;
	Raw(const void *a) : addr(a) {}
	Raw(unsigned long a) : addr(reinterpret_cast<const void *>(a)) {}
};

namespace print_detail {

// The conversion of one argument type; "" if it cannot be printed.
template <class T> struct conv { static constexpr const char *spec = ""; };
#define KP_PRINT_CONV(T, S) \
	template <> struct conv<T> { static constexpr const char *spec = S; };
KP_PRINT_CONV(bool, "%s")
KP_PRINT_CONV(char, "%c")
KP_PRINT_CONV(signed char, "%hhd")
KP_PRINT_CONV(unsigned char, "%hhu")
KP_PRINT_CONV(short, "%hd")
KP_PRINT_CONV(unsigned short, "%hu")
KP_PRINT_CONV(int, "%d")
KP_PRINT_CONV(unsigned int, "%u")
KP_PRINT_CONV(long, "%ld")
KP_PRINT_CONV(unsigned long, "%lu")
KP_PRINT_CONV(long long, "%lld")
KP_PRINT_CONV(unsigned long long, "%llu")
KP_PRINT_CONV(task_comm, "%s")
KP_PRINT_CONV(Sym, "%pS")
KP_PRINT_CONV(Raw, "%px")
KP_PRINT_CONV(char *, "%s")
KP_PRINT_CONV(const char *, "%s")
#undef KP_PRINT_CONV
template <unsigned long N> struct conv<char[N]> { static constexpr const char *spec = "%s"; };
template <unsigned long N> struct conv<const char[N]> { static constexpr const char *spec = "%s"; };

template <class T> consteval const char *spec_of()
{
	using U = meta::remove_cv_t<T>;
	if constexpr (meta::is_enum<U>)
		return spec_of<meta::underlying_t<U>>();
	else if constexpr (meta::is_pointer<U> && !meta::is_same<U, char *> &&
			   !meta::is_same<U, const char *>)
		return "%p";
	else
		return conv<U>::spec;
}

template <class T> inline constexpr bool printable = spec_of<T>()[0] != 0;

// Whether argument I (1-based) of A... is printable; true if there is none.
template <unsigned I, class... A> consteval bool arg_ok()
{
	constexpr bool ok[] = { printable<A>..., true };
	return I > sizeof...(A) || ok[I - 1];
}

// The number of {} in the format, or -1 for a { or } that is not {}, {{ or }}.
template <unsigned N> consteval int holes(const fixed_string<N> &f)
{
	int n = 0;
	for (unsigned i = 0; i + 1 < N; ++i) { // data[N - 1] is the NUL
		const char c = f.data[i], d = f.data[i + 1];
		if (c == '{' && d == '}') {
			++n;
			++i;
		} else if ((c == '{' && d == '{') || (c == '}' && d == '}')) {
			++i;
		} else if (c == '{' || c == '}') {
			return -1;
		}
	}
	return n;
}

// The kernel printf format: {} -> the argument's conversion, % -> %%
// (escape: false for a format without arguments, printed with "%s").
// Each input character becomes at most 2 (a {} pair at most 4).
template <fixed_string F, bool escape, class... A> consteval fixed_string<F.size() * 2 + 1> translate()
{
	constexpr unsigned N = F.size() + 1;
	const char *specs[] = { spec_of<A>()..., "" };
	fixed_string<F.size() * 2 + 1> out;
	unsigned o = 0, arg = 0;
	for (unsigned i = 0; i + 1 < N; ++i) {
		const char c = F.data[i], d = F.data[i + 1];
		if (c == '{' && d == '}') {
			for (const char *s = specs[arg++]; *s; ++s)
				out.data[o++] = *s;
			++i;
		} else if ((c == '{' && d == '{') || (c == '}' && d == '}')) {
			out.data[o++] = c;
			++i;
		} else {
			if (c == '%' && escape)
				out.data[o++] = '%';
			out.data[o++] = c;
		}
	}
	return out;
}

// The translated format, one constant per format and argument types.
template <fixed_string F, class... A>
inline constexpr auto format = translate<F, sizeof...(A) != 0, A...>();

// What goes through the varargs for one argument.
template <class T> inline auto pass(const T &x)
{
	if constexpr (meta::is_same<T, bool>)
		return x ? "true" : "false";
	else if constexpr (meta::is_same<T, task_comm>)
		return x.str;
	else if constexpr (meta::is_same<T, Sym> || meta::is_same<T, Raw>)
		return x.addr;
	else if constexpr (meta::is_enum<T>)
		return static_cast<meta::underlying_t<T>>(x);
	else
		return x; // integers, pointers; char arrays decay to their pointer
}

} // namespace print_detail

// The position checks: one static_assert per position so that the message
// names it (a static_assert message is a literal).  At most 16 arguments.
#define KP_PRINT_POS(i)                                                                            \
	static_assert(!(holes == (i) - 1 && sizeof...(A) >= (i)),                                  \
		      "kp::print: argument " #i " has no {} in the format");                       \
	static_assert(!(sizeof...(A) == (i) - 1 && holes >= (i)),                                  \
		      "kp::print: the format's {} number " #i " has no argument");                 \
	static_assert(print_detail::arg_ok<(i), A...>(),                                           \
		      "kp::print: argument " #i " has a type kp::print cannot print (integers, "   \
		      "bool, enums, pointers, C strings, kp::task_comm, kp::Sym, kp::Raw)");

template <fixed_string F, class... A> [[gnu::always_inline]] inline void print(const A &...args)
{
	constexpr int holes = print_detail::holes(F);
	static_assert(holes >= 0, "kp::print: the format has a { or } that is not part of {} "
				  "(write {{ and }} for the characters themselves)");
	static_assert(sizeof...(A) <= 16, "kp::print: at most 16 arguments");
	KP_PRINT_POS(1) KP_PRINT_POS(2) KP_PRINT_POS(3) KP_PRINT_POS(4)
	KP_PRINT_POS(5) KP_PRINT_POS(6) KP_PRINT_POS(7) KP_PRINT_POS(8)
	KP_PRINT_POS(9) KP_PRINT_POS(10) KP_PRINT_POS(11) KP_PRINT_POS(12)
	KP_PRINT_POS(13) KP_PRINT_POS(14) KP_PRINT_POS(15) KP_PRINT_POS(16)
	if constexpr (holes == int(sizeof...(A)) && (print_detail::printable<A> && ...)) {
		if constexpr (sizeof...(A) == 0)
			kp_trace_printf("%s", print_detail::format<F>.data);
		else
			kp_trace_printf(print_detail::format<F, A...>.data, print_detail::pass(args)...);
	}
}
#undef KP_PRINT_POS

} // namespace
} // namespace kp
