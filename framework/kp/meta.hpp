// SPDX-License-Identifier: GPL-2.0
// Minimal type traits.  Kernel C++ has no standard library (-nostdinc++), so
// the few traits the DSL needs live here.  Everything is in an unnamed
// namespace inside kp: internal linkage, no COMDAT groups (see README).
#pragma once

namespace kp {
namespace {
namespace meta {

template <class T, T V> struct constant { static constexpr T value = V; };
using true_type = constant<bool, true>;
using false_type = constant<bool, false>;

template <class A, class B> inline constexpr bool is_same = false;
template <class A> inline constexpr bool is_same<A, A> = true;

template <class T> struct remove_cv { using type = T; };
template <class T> struct remove_cv<const T> { using type = T; };
template <class T> struct remove_cv<volatile T> { using type = T; };
template <class T> struct remove_cv<const volatile T> { using type = T; };
template <class T> using remove_cv_t = typename remove_cv<T>::type;

// Class specialisations, not variable ones: unused explicit specialisations
// of a variable template are -Wunused-const-variable warnings with g++ (W=1).
template <class T> struct is_integral_ : false_type {};
#define KP_INTEGRAL(T) template <> struct is_integral_<T> : true_type {};
KP_INTEGRAL(bool)
KP_INTEGRAL(char)
KP_INTEGRAL(signed char)
KP_INTEGRAL(unsigned char)
KP_INTEGRAL(char8_t)
KP_INTEGRAL(char16_t)
KP_INTEGRAL(char32_t)
KP_INTEGRAL(wchar_t)
KP_INTEGRAL(short)
KP_INTEGRAL(unsigned short)
KP_INTEGRAL(int)
KP_INTEGRAL(unsigned int)
KP_INTEGRAL(long)
KP_INTEGRAL(unsigned long)
KP_INTEGRAL(long long)
KP_INTEGRAL(unsigned long long)
#undef KP_INTEGRAL
template <class T> inline constexpr bool is_integral = is_integral_<remove_cv_t<T>>::value;

template <class T> struct is_floating_ : false_type {};
template <> struct is_floating_<float> : true_type {};
template <> struct is_floating_<double> : true_type {};
template <> struct is_floating_<long double> : true_type {};
template <class T> inline constexpr bool is_floating = is_floating_<remove_cv_t<T>>::value;

template <class T> inline constexpr bool is_pointer_ = false;
template <class T> inline constexpr bool is_pointer_<T *> = true;
template <class T> inline constexpr bool is_pointer = is_pointer_<remove_cv_t<T>>;

template <class T> inline constexpr bool is_reference = false;
template <class T> inline constexpr bool is_reference<T &> = true;
template <class T> inline constexpr bool is_reference<T &&> = true;

template <class T> inline constexpr bool is_array = false;
template <class T> inline constexpr bool is_array<T[]> = true;
template <class T, unsigned long N> inline constexpr bool is_array<T[N]> = true;

template <class T> inline constexpr bool is_void = is_same<remove_cv_t<T>, void>;
template <class T> inline constexpr bool is_nullptr = is_same<remove_cv_t<T>, decltype(nullptr)>;
template <class T> inline constexpr bool is_enum = __is_enum(T);
template <class T> inline constexpr bool is_class = __is_class(T);
template <class T> inline constexpr bool is_union = __is_union(T);
template <class T> inline constexpr bool is_signed = T(-1) < T(0);

template <class T, bool = __is_enum(T)> struct underlying { using type = T; };
template <class T> struct underlying<T, true> { using type = __underlying_type(T); };
template <class T> using underlying_t = typename underlying<T>::type;

template <class T> inline constexpr bool is_const = false;
template <class T> inline constexpr bool is_const<const T> = true;
// A function type is the one (with references) that ignores const.
template <class T> inline constexpr bool is_function = !is_const<const T> && !is_reference<T>;
template <class T> inline constexpr bool is_function_pointer = false;
template <class R, class... A> inline constexpr bool is_function_pointer<R (*)(A...)> = true;

template <class... T> struct list { static constexpr unsigned size = sizeof...(T); };

// Function pointer decomposition.
template <class F> struct fn;
template <class R, class... A> struct fn<R (*)(A...)> {
	using ret = R;
	using params = list<A...>;
};

// Whether the list L holds the type T.
template <class L, class T> struct contains_ : false_type {};
template <class... A, class T> struct contains_<list<A...>, T> : constant<bool, (is_same<A, T> || ...)> {};
template <class L, class T> inline constexpr bool contains = contains_<L, T>::value;

template <class L, class T> struct prepend;
template <class... A, class T> struct prepend<list<A...>, T> { using type = list<T, A...>; };

template <bool B, class T, class F> struct cond { using type = T; };
template <class T, class F> struct cond<false, T, F> { using type = F; };
template <bool B, class T, class F> using cond_t = typename cond<B, T, F>::type;

// Index sequences (no <utility>).
template <unsigned... I> struct indices {};
template <unsigned N, unsigned... I> struct make_indices_ : make_indices_<N - 1, N - 1, I...> {};
template <unsigned... I> struct make_indices_<0, I...> { using type = indices<I...>; };
template <unsigned N> using make_indices = typename make_indices_<N>::type;

// The I-th (0-based) type of a list.
template <class L, unsigned I> struct at_;
template <class A, class... R> struct at_<list<A, R...>, 0> { using type = A; };
template <class A, class... R, unsigned I> struct at_<list<A, R...>, I> : at_<list<R...>, I - 1> {};
template <class L, unsigned I> using at = typename at_<L, I>::type;

// The 1-based position of the first type where lists A and B (of one size) differ; 0: none.
template <class A, class B, unsigned I = 1> struct first_difference_ : constant<unsigned, 0> {};
template <class A, class... As, class B, class... Bs, unsigned I>
struct first_difference_<list<A, As...>, list<B, Bs...>, I>
	: constant<unsigned, is_same<A, B> ? first_difference_<list<As...>, list<Bs...>, I + 1>::value : I> {};
template <class A, class B> inline constexpr unsigned first_difference = first_difference_<A, B>::value;

// Type dependent false, for static_assert in templates.
template <class...> inline constexpr bool always_false = false;

} // namespace meta
} // namespace
} // namespace kp
