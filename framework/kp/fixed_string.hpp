// SPDX-License-Identifier: GPL-2.0
// A string usable as a template argument: Kprobe<"do_sys_openat2", ...>.
// The registry never points into the template parameter object (that object
// would be emitted in a COMDAT group); KP_PROBE copies the characters into
// a plain internal-linkage array first.
#pragma once

namespace kp {
namespace {

template <unsigned N> struct fixed_string {
	char data[N]{};

	constexpr fixed_string() = default;
	consteval fixed_string(const char (&s)[N])
	{
		for (unsigned i = 0; i < N; ++i)
			data[i] = s[i];
	}
	static constexpr unsigned size() { return N - 1; }
	constexpr bool empty() const { return N <= 1; }

	template <unsigned M>
	consteval fixed_string<N + M - 1> operator+(const fixed_string<M> &o) const
	{
		fixed_string<N + M - 1> r;
		for (unsigned i = 0; i < N - 1; ++i)
			r.data[i] = data[i];
		for (unsigned i = 0; i < M; ++i)
			r.data[N - 1 + i] = o.data[i];
		return r;
	}
};

template <unsigned N> fixed_string(const char (&)[N]) -> fixed_string<N>;

} // namespace
} // namespace kp
