// SPDX-License-Identifier: GPL-2.0
// Maps: per-CPU aggregations declared as types, bpftrace's @map = count()
// and hist(), SystemTap's <<< and @hist_log.
//
//   KP_MAP(opens, kp::Count<kp::Key<int>, 1024>);   // keyed by a pid, 1024 keys per CPU
//   KP_MAP(lat, kp::Hist<>);                         // one log2 histogram
//   KP_MAP(sizes, kp::LinearHist<0, 4096, 512, kp::Key<kp::task_comm>, 64>);
//
//   opens[kp::current_tgid()].inc();
//   lat.add(ns);
//   sizes(kp::current_comm()).add(len);
//
// Kinds: kp::Count (inc(), add(n)), kp::Sum, kp::Min, kp::Max, kp::Avg
// (add(v)), kp::Hist (log2 buckets) and kp::LinearHist<Min, Max, Step>
// (add(v)).  Keys: kp::Key<T...>, one field or a tuple of integers, enums
// and kp::task_comm; m[k] for one field, m(k1, k2, ...) for any; without a
// key the map is one value (m.add(v)).  The capacity (keys per CPU table)
// is fixed by the declaration; the core allocates every CPU's table at
// load (framework/core/kp_maps.c), the update is inlined here
// (framework/kp_map.h): no lock, no allocation, no call into the core on
// x86_64.  An update whose key finds the CPU's table full is dropped and
// counted; the count is shown at /sys/kernel/debug/kp-<module>/maps/<name>.
#pragma once

#include "../kp_map.h"
#include "fixed_string.hpp"
#include "meta.hpp"

namespace kp {
namespace {

// kp::Key<T...>: the fields of a map's key.
template <class... T> struct Key {};
// No key: one value (the default of every map kind).
struct NoKey {};

namespace detail {

template <class T> struct is_integer_key {
	static constexpr bool value = meta::is_integral<T> || meta::is_enum<T>;
};
template <class T> inline constexpr bool is_comm_key = meta::is_same<meta::remove_cv_t<T>, task_comm>;

template <class T> consteval unsigned key_field_words()
{
	if constexpr (is_comm_key<T>)
		return 2;
	else
		return 1;
}
template <class T> consteval char key_field_fmt()
{
	if constexpr (is_comm_key<T>)
		return 'c';
	else if constexpr (meta::is_enum<T> || meta::is_integral<T>)
		return meta::is_signed<meta::underlying_t<T>> ? 'd' : 'u';
	else
		return '?';
}

template <class K> struct key_traits;
template <> struct key_traits<NoKey> {
	static constexpr unsigned words = 0, fields = 0;
	static constexpr bool valid = true;
};
template <class... T> struct key_traits<Key<T...>> {
	static constexpr unsigned words = (0u + ... + key_field_words<T>());
	static constexpr unsigned fields = sizeof...(T);
	static constexpr bool fields_ok = ((is_integer_key<T>::value || is_comm_key<T>) && ...);
	static constexpr bool valid = fields_ok && fields > 0 && words <= KP_MAP_KEY_MAX_WORDS;
};

template <class K> consteval bool check_key()
{
	if constexpr (!requires { key_traits<K>::valid; }) {
		static_assert(requires { key_traits<K>::valid; },
			      "a map's key must be kp::Key<T...> (or nothing, for one value)");
		return false;
	} else {
		using t = key_traits<K>;
		if constexpr (requires { t::fields_ok; }) {
			static_assert(t::fields_ok,
				      "kp::Key<T...>: every key field must be an integer, an enum or "
				      "kp::task_comm (a pointer or a string is not: copy a string "
				      "into a kp::task_comm, cast an address to unsigned long)");
			static_assert(!t::fields_ok || t::fields > 0,
				      "kp::Key<T...>: a key needs at least one field (leave the key "
				      "out for one value)");
			static_assert(!t::fields_ok || t::words <= KP_MAP_KEY_MAX_WORDS,
				      "kp::Key<T...>: a key is at most 8 words (an integer is one, "
				      "a kp::task_comm two)");
		}
		return t::valid;
	}
}

template <long Cap> consteval bool check_capacity()
{
	static_assert(Cap != 0, "a map's capacity (its last template argument, keys per CPU) "
				"must be at least 1");
	static_assert(Cap <= 0 || Cap <= (1l << 20),
		      "a map's capacity (keys per CPU) must be at most 1048576");
	static_assert(Cap >= 0 || Cap == -1, "a map's capacity (keys per CPU) must be positive");
	return Cap != 0 && Cap <= (1l << 20) && (Cap > 0 || Cap == -1);
}

// The common part of every map kind: the key, the capacity (-1: the
// default, 1 unkeyed and 1024 keyed), the value words.
template <unsigned Kind, class K, long Cap, unsigned ValWords, bool ExtraOk = true> struct map_base {
	static constexpr unsigned kind = Kind;
	using key = K;
	static constexpr bool keyed = !meta::is_same<K, NoKey>;
	static constexpr bool valid = ExtraOk && key_traits<K>::valid &&
				      (Cap > 0 || Cap == -1) && Cap <= (1l << 20);
	static constexpr unsigned capacity = !keyed ? 1u : Cap > 0 ? (unsigned)Cap : 1024u;
	static constexpr unsigned key_words = valid ? key_traits<K>::words : 0;
	static constexpr unsigned val_words = ValWords;
	static constexpr long long lin_min = 0, lin_max = 0, lin_step = 0;
	static consteval bool check() { return check_key<K>() && check_capacity<Cap>(); }
};

template <long long Min, long long Max, long long Step> consteval bool check_linear()
{
	static_assert(Step > 0, "kp::LinearHist<Min, Max, Step>: the step must be at least 1");
	static_assert(Step <= 0 || Min < Max,
		      "kp::LinearHist<Min, Max, Step>: Min must be less than Max");
	static_assert(Step <= 0 || Min >= Max || (Max - Min + Step - 1) / Step <= 1024,
		      "kp::LinearHist<Min, Max, Step>: at most 1024 steps between Min and Max");
	return Step > 0 && Min < Max && (Max - Min + Step - 1) / Step <= 1024;
}

template <long long Min, long long Max, long long Step> consteval unsigned linear_words()
{
	if constexpr (Step > 0 && Min < Max && (Max - Min + Step - 1) / Step <= 1024)
		return KP_MAP_LINEAR_BUCKETS(Min, Max, Step);
	else
		return 1;
}

} // namespace detail

// count of events (inc()) or of n at a time (add(n))
template <class K = NoKey, long Cap = -1> struct Count : detail::map_base<KP_MAP_COUNT, K, Cap, 1> {};
// sum of the values (add(v))
template <class K = NoKey, long Cap = -1> struct Sum : detail::map_base<KP_MAP_SUM, K, Cap, 1> {};
// smallest / largest value (add(v))
template <class K = NoKey, long Cap = -1> struct Min : detail::map_base<KP_MAP_MIN, K, Cap, 1> {};
template <class K = NoKey, long Cap = -1> struct Max : detail::map_base<KP_MAP_MAX, K, Cap, 1> {};
// average (integer: sum / count) of the values (add(v))
template <class K = NoKey, long Cap = -1> struct Avg : detail::map_base<KP_MAP_AVG, K, Cap, 2> {};
// log2 histogram: (..., 0), [0], [1], [2, 4), [4, 8), ... (add(v))
template <class K = NoKey, long Cap = -1>
struct Hist : detail::map_base<KP_MAP_HIST_LOG2, K, Cap, KP_MAP_LOG2_BUCKETS> {};
// linear histogram: (..., Min), [Min, Min + Step), ..., [Max, ...) (add(v))
template <long long MinV, long long MaxV, long long Step, class K = NoKey, long Cap = -1>
struct LinearHist
	: detail::map_base<KP_MAP_HIST_LINEAR, K, Cap, detail::linear_words<MinV, MaxV, Step>(),
			   (Step > 0 && MinV < MaxV && (MaxV - MinV + Step - 1) / Step <= 1024)> {
	static constexpr long long lin_min = MinV, lin_max = MaxV, lin_step = Step;
	static consteval bool check()
	{
		return detail::check_linear<MinV, MaxV, Step>() &&
		       detail::map_base<KP_MAP_HIST_LINEAR, K, Cap, 1>::check();
	}
};

namespace detail {

template <class M> inline constexpr bool is_map = false;
template <class K, long C> inline constexpr bool is_map<Count<K, C>> = true;
template <class K, long C> inline constexpr bool is_map<Sum<K, C>> = true;
template <class K, long C> inline constexpr bool is_map<Min<K, C>> = true;
template <class K, long C> inline constexpr bool is_map<Max<K, C>> = true;
template <class K, long C> inline constexpr bool is_map<Avg<K, C>> = true;
template <class K, long C> inline constexpr bool is_map<Hist<K, C>> = true;
template <long long A, long long B, long long S, class K, long C>
inline constexpr bool is_map<LinearHist<A, B, S, K, C>> = true;

template <class M> consteval bool check_map()
{
	static_assert(is_map<M>, "KP_MAP: the second argument must be a map type, e.g. "
				 "kp::Count<kp::Key<int>, 1024> or kp::Hist<>");
	if constexpr (is_map<M>)
		return M::check();
	else
		return false;
}

// The key's print format, one character per field (kp_abi.h).
template <class K> struct key_fmt_of {
	static consteval fixed_string<1> get() { return fixed_string<1>(); }
};
template <class... T> struct key_fmt_of<Key<T...>> {
	static consteval fixed_string<sizeof...(T) + 1> get()
	{
		fixed_string<sizeof...(T) + 1> s;
		unsigned i = 0;
		((s.data[i++] = key_field_fmt<T>()), ...);
		return s;
	}
};
template <class M> consteval auto map_key_fmt()
{
	if constexpr (is_map<M>)
		return key_fmt_of<typename M::key>::get();
	else
		return fixed_string<1>();
}

template <class M>
consteval kp_map_desc map_describe(const char *name, const char *fmt, kp_map_state *state,
				   const char *file, unsigned line)
{
	if constexpr (!check_map<M>())
		return {};
	else if constexpr (!M::valid)
		return {};
	else
		return kp_map_desc{ name,	   M::kind,	  M::capacity,   M::key_words,
				    M::val_words,  fmt,		  M::lin_min,	 M::lin_max,
				    M::lin_step,   file,	  line,		 state };
}

// A key field into its words: integers sign- or zero-extended, a comm's
// bytes up to its NUL (the rest zero: equal names are equal keys).
template <class T> inline __attribute__((always_inline)) void put_key(kp_map_word *&w, const T &v)
{
	if constexpr (is_comm_key<T>) {
		const char *s = reinterpret_cast<const char *>(&v);
		kp_map_word a[2] = { 0, 0 };
		char *d = reinterpret_cast<char *>(a);
		for (unsigned i = 0; i < 16 && s[i]; i++)
			d[i] = s[i];
		*w++ = a[0];
		*w++ = a[1];
	} else if constexpr (meta::is_enum<T> || meta::is_integral<T>) {
		if constexpr (key_field_fmt<T>() == 'd')
			*w++ = (kp_map_word)(long long)v;
		else
			*w++ = (kp_map_word)(unsigned long long)v;
	}
}

// Each value converted to its field's type as an argument would be (a
// pointer does not become an integer key).
template <class... F, class... T>
inline __attribute__((always_inline)) void fill(Key<F...>, kp_map_word *w, const T &...k)
{
	(put_key<F>(w, k), ...);
}

template <class F, class T> consteval bool converts_to()
{
	if constexpr (is_comm_key<F>)
		return is_comm_key<T>;
	else
		return requires(const T &t, void (*sink)(F)) { sink(t); };
}
template <class... F, class... T> consteval bool converts(Key<F...>, meta::list<T...>)
{
	return (converts_to<F, T>() && ...);
}

template <const kp_map_desc *D> struct map_entry {
	kp_map_word key[KP_MAP_KEY_MAX_WORDS];

	// Count: one more event
	inline __attribute__((always_inline)) void inc() const
	{
		static_assert(D->kind == KP_MAP_COUNT, "inc(): only a kp::Count counts events; "
						       "add(v) adds a value to the other maps");
		kp_map_update(D, key, 1);
	}
	// Count: n more; the others: one more value
	inline __attribute__((always_inline)) void add(long long v) const
	{
		kp_map_update(D, key, v);
	}
};

template <class M, const kp_map_desc *D> struct map_handle {
	using entry = map_entry<D>;

	template <class... T> inline __attribute__((always_inline)) entry operator()(const T &...k) const
	{
		static_assert(M::keyed, "this map has no key: update it directly (m.add(v), m.inc())");
		constexpr bool arity = !M::keyed || sizeof...(T) == key_traits<typename M::key>::fields;
		static_assert(arity, "a map's key takes one value per kp::Key<T...> field");
		entry e;
		if constexpr (M::keyed && arity) {
			constexpr bool conv = converts(typename M::key{}, meta::list<T...>{});
			static_assert(conv, "a map key's value must convert to its kp::Key<T...> field "
					    "type implicitly (a pointer is not an integer key)");
			if constexpr (conv)
				fill(typename M::key{}, e.key, k...);
		}
		return e;
	}
	template <class T> inline __attribute__((always_inline)) entry operator[](const T &k) const
	{
		return (*this)(k);
	}
	// unkeyed maps
	inline __attribute__((always_inline)) void inc() const
	{
		static_assert(!M::keyed, "this map has a key: m[key].inc()");
		entry{}.inc();
	}
	inline __attribute__((always_inline)) void add(long long v) const
	{
		static_assert(!M::keyed, "this map has a key: m[key].add(v)");
		entry{}.add(v);
	}
};

} // namespace detail
} // namespace
} // namespace kp

/*
 * KP_MAP(name, map-type): declares the map `name` at namespace scope in a
 * probe file (one translation unit: each file declaring it would have its
 * own, and the core refuses two maps of one name).  One constant descriptor
 * in section "kp_maps"; reading it: /sys/kernel/debug/kp-<module>/maps/name.
 */
#define KP_MAP(name, ...)                                                                       \
	static ::kp_map_state KP_CAT(kp_map_state_, name);                                      \
	static constexpr auto KP_CAT(kp_map_fmt_, name) = ::kp::detail::map_key_fmt<__VA_ARGS__>(); \
	static constexpr ::kp_map_desc KP_CAT(kp_map_desc_, name) =                             \
		::kp::detail::map_describe<__VA_ARGS__>(#name, KP_CAT(kp_map_fmt_, name).data,   \
							&KP_CAT(kp_map_state_, name), __FILE__,  \
							__LINE__);                               \
	[[gnu::used, gnu::section("kp_maps")]] static const ::kp_map_desc *const KP_CAT(        \
		kp_map_entry_, name) = &KP_CAT(kp_map_desc_, name);                              \
	static constexpr ::kp::detail::map_handle<__VA_ARGS__, &KP_CAT(kp_map_desc_, name)> name {}
