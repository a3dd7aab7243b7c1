// SPDX-License-Identifier: GPL-2.0
// Typed reads of kernel struct fields, offsets from the target kernel's BTF:
//
//   const dentry *d;
//   const unsigned char *name;
//   if (kp::read_field<"f_path.dentry">(d, file) &&          // file->f_path.dentry
//       kp::read_field<"d_name.name">(name, d)) ...          // d->d_name.name
//   kp::read_field<"f_path.dentry->d_name.name">(name, file) // the same, one call
//
// The struct is the source pointer's pointee (struct file for a file *), the
// field's type is the destination's; a path goes through members (a.b.c,
// anonymous unions and structs included) and through pointers (->).  Every
// load is fault-tolerant (kp_read_kernel, copy_from_kernel_nofault): false
// when one faults or a pointer on the way is null.
//
// How the offsets arrive, exact for the kernel built against, in one C++
// compile: each read refers to kp_fields::off<"STRUCT|PATH|TYPE" as chars>,
// an undefined array (its name encodes the struct, the path and the declared
// type); before the module's link, tools/kp-btf fields reads those symbols
// from the C++ objects, resolves every path in the target's BTF and writes
// the object that defines them (the offset of each hop).  A field that does
// not exist, a hop that is not a pointer to a struct, or a declared type that
// does not fit the field's is a build error naming the struct and the field.
#pragma once

#include "../kp_abi.h"
#include "btf_types.hpp"
#include "fixed_string.hpp"
#include "meta.hpp"

// External linkage (outside kp's unnamed namespace): defined by the
// generated object.
namespace kp_fields {
template <char... C> extern const unsigned long off[];
} // namespace kp_fields

namespace kp {
namespace {
namespace detail {

template <unsigned... I> struct index_seq {};
template <unsigned N, unsigned... I> struct make_index_seq_ : make_index_seq_<N - 1, N - 1, I...> {};
template <unsigned... I> struct make_index_seq_<0, I...> {
	using type = index_seq<I...>;
};

struct field_key {
	char s[256];
	unsigned n;
};

template <class Struct, class T, fixed_string Path> consteval field_key make_field_key()
{
	record_writer w;
	field_key k{};

	put_spelling<Struct>(w, true);
	w.put('|');
	w.puts(Path.data);
	w.put('|');
	put_token<T>(w);
	for (k.n = 0; k.n < w.n && k.n < sizeof(k.s); k.n++)
		k.s[k.n] = w.r.text[k.n];
	return k;
}

template <fixed_string Path> consteval unsigned field_hops()
{
	unsigned n = 1;
	for (unsigned i = 0; i + 1 < Path.size(); i++)
		if (Path.data[i] == '-' && Path.data[i + 1] == '>')
			n++;
	return n;
}

template <fixed_string Path> consteval bool field_path_ok()
{
	bool ok = Path.size() > 0;
	for (unsigned i = 0; i < Path.size(); i++) {
		char c = Path.data[i];
		ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			    c == '_' || c == '.' || c == '-' || c == '>');
	}
	return ok;
}

// (clang: "no definition is available" is the point: the build defines it)
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wundefined-var-template"
#endif
template <field_key K, class Seq> struct field_offsets;
template <field_key K, unsigned... I> struct field_offsets<K, index_seq<I...>> {
	static const unsigned long *get() { return kp_fields::off<K.s[I]...>; }
};
#ifdef __clang__
#pragma clang diagnostic pop
#endif

} // namespace detail

// dst = src->PATH (see the top of this file): true when every load worked.
template <fixed_string Path, class T, class P> [[nodiscard]] inline bool read_field(T &dst, P src)
{
	using Q = meta::remove_cv_t<typename meta::remove_pointer<meta::remove_cv_t<P>>::type>;
	static_assert(meta::is_pointer<P> && (meta::is_class<Q> || meta::is_union<Q>),
		      "kp::read_field<\"path\">(dst, src): src must be a pointer to a kernel struct, "
		      "e.g. a file *");
	static_assert(detail::field_path_ok<Path>(),
		      "kp::read_field<\"path\">: a path is member names joined by . and ->, e.g. "
		      "\"f_path.dentry->d_name.name\"");
	if constexpr (meta::is_pointer<P> && (meta::is_class<Q> || meta::is_union<Q>)) {
		constexpr auto key = detail::make_field_key<Q, T, Path>();
		constexpr unsigned hops = detail::field_hops<Path>();
		const unsigned long *off =
			detail::field_offsets<key, typename detail::make_index_seq_<key.n>::type>::get();
		const char *p = reinterpret_cast<const char *>(src);

		for (unsigned i = 0; i + 1 < hops; i++) {
			const char *next;
			if (!p || kp_read_kernel(&next, p + off[i], sizeof(next)))
				return false;
			p = next;
		}
		return p && kp_read_kernel(&dst, p + off[hops - 1], sizeof(T)) == 0;
	} else {
		return false;
	}
}

} // namespace
} // namespace kp
