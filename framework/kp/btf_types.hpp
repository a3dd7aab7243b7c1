// SPDX-License-Identifier: GPL-2.0
// The type record of a probe, for the build-time check against the target
// kernel's BTF (tools/kp-btf check, run by Kbuild on every C++ object, which
// then removes the section: the module never carries it).
//
// KP_PROBE puts one record per probe into section .kp_types: text, fields
// separated by \x1e, arguments by \x1f:
//   FILE:LINE \x1e KIND \x1e SYMBOL \x1e OPTIONAL(0|1) \x1e RETURN \x1e ARG \x1f ARG ...
// KIND: kprobe, kretprobe, fentry, fexit or tracepoint (system calls and kp::Offset probes
// write no record: BTF has no prototype to compare them with).  A type is
// TOKEN=SPELLING: TOKEN says what the checker compares (i4, u8: signed or
// unsigned and the size; b1 bool; c1 plain char; p a pointer, p:NAME a pointer
// to struct or union NAME; v void), SPELLING is the C++ type as the compiler
// names it, for the message.
#pragma once

#include "memory.hpp"
#include "meta.hpp"

namespace kp {
namespace {
namespace detail {

struct type_record {
	char text[1024];
};

struct record_writer {
	type_record r{};
	unsigned n = 0;

	constexpr void put(char c)
	{
		if (n + 1 < sizeof(r.text))
			r.text[n++] = c;
	}
	constexpr void puts(const char *s)
	{
		while (*s)
			put(*s++);
	}
	constexpr void num(unsigned long v)
	{
		char d[24];
		unsigned k = 0;
		do
			d[k++] = char('0' + v % 10);
		while (v /= 10);
		while (k)
			put(d[--k]);
	}
};

// The compiler's spelling of T: __PRETTY_FUNCTION__ ends "[with T = X]" (g++)
// or "[T = X]" (clang).
template <class T> consteval const char *pretty_function() { return __PRETTY_FUNCTION__; }

template <class T> consteval void put_spelling(record_writer &w, bool last_component)
{
	const char *s = pretty_function<T>();
	unsigned i = 0, start = 0, end = 0;

	for (; s[i]; i++)
		if (s[i] == 'T' && s[i + 1] == ' ' && s[i + 2] == '=' && s[i + 3] == ' ')
			start = i + 4;
	for (i = start; s[i]; i++)
		if (s[i] == ']')
			end = i;
	if (last_component) // a struct's name without namespaces: kp::x -> x
		for (i = start; i < end; i++)
			if (s[i] == ':' && s[i + 1] == ':')
				start = i + 2;
	for (i = start; i < end; i++)
		w.put(s[i]);
}

template <class T> consteval void put_token(record_writer &w)
{
	using U = meta::remove_cv_t<T>;
	if constexpr (meta::is_user<U>) {
		put_token<typename U::pointer>(w);
	} else if constexpr (meta::is_pointer<U>) {
		using Q = meta::remove_cv_t<typename meta::remove_pointer<U>::type>;
		w.put('p');
		if constexpr (meta::is_class<Q> || meta::is_union<Q>) {
			w.put(':');
			put_spelling<Q>(w, true);
		}
	} else if constexpr (meta::is_void<U>) {
		w.put('v');
	} else if constexpr (meta::is_same<U, bool>) {
		w.puts("b1");
	} else if constexpr (meta::is_same<U, char>) {
		w.puts("c1");
	} else if constexpr (meta::is_enum<U>) {
		put_token<meta::underlying_t<U>>(w);
	} else if constexpr (meta::is_integral<U>) {
		w.put(meta::is_signed<U> ? 'i' : 'u');
		w.num(sizeof(U));
	} else {
		w.put('?');
	}
}

template <class T> consteval void put_type(record_writer &w)
{
	put_token<T>(w);
	w.put('=');
	put_spelling<T>(w, false);
}

template <class... A> consteval void put_args(record_writer &w, meta::list<A...>)
{
	unsigned i = 0;
	((w.puts(i++ ? "\x1f" : ""), put_type<A>(w)), ...);
}

// One probe's record; an empty text for what is not checked.
template <class Options, class Ret>
consteval type_record make_type_record(const char *kind, const char *symbol, const char *file,
				       unsigned line)
{
	record_writer w;
	w.puts(file);
	w.put(':');
	w.num(line);
	w.puts("\x1e");
	w.puts(kind);
	w.puts("\x1e");
	w.puts(symbol);
	w.puts(Options::optional ? "\x1e"
				   "1\x1e"
				 : "\x1e"
				   "0\x1e");
	if constexpr (!meta::is_void<Ret>)
		put_type<Ret>(w);
	w.puts("\x1e");
	put_args(w, typename Options::args{});
	return w.r;
}

} // namespace detail
} // namespace
} // namespace kp
