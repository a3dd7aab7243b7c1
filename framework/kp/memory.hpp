// SPDX-License-Identifier: GPL-2.0
// Memory a handler does not own: user pointers as their own type, and
// fault-tolerant reads of user and kernel memory.
//
// A handler runs with preemption off, possibly in interrupt context: it may
// not fault on a user address (nor read one as if it were a kernel address,
// the other address space on arm64 with PAN / on x86 with SMAP).  So a
// `__user` pointer is a kp::User<T *>: it cannot be dereferenced, indexed or
// converted to a kernel pointer; its only reads are copies that do not fault
// (copy_from_user_nofault, in the core) and say how much they read.  Kernel
// pointers are plain pointers; read_kernel() copies through them without
// faulting (copy_from_kernel_nofault) and says whether it worked.
#pragma once

#include "../kp_abi.h"
#include "meta.hpp"

namespace kp {
namespace {

inline constexpr long efault = -14; // -EFAULT, what a read of a bad address returns

template <class P> class User;

namespace meta {
// kp::User<anything> (is_user: a well-formed one, kp::User<T *>).
template <class T> inline constexpr bool is_user_template = false;
template <class P> inline constexpr bool is_user_template<User<P>> = true;
template <class T> inline constexpr bool is_user_template<const T> = is_user_template<T>;
template <class T> inline constexpr bool is_user = false;
template <class T> inline constexpr bool is_user<User<T *>> = true;
template <class T> inline constexpr bool is_user<const T> = is_user<T>;
template <class T> struct remove_pointer { using type = T; };
template <class T> struct remove_pointer<T *> { using type = T; };
template <class T> struct remove_pointer<T *const> { using type = T; };
} // namespace meta

// kp::User<P> with P not a pointer: nothing (kp::Args says P must be a pointer).
template <class P> class User {};

// kp::User<T *>: a pointer into the current task's user memory, e.g. the
// `const char __user *filename` of openat: declare kp::User<const char *>
// in kp::Args.  Decoded from its register exactly like T * (same bits).
template <class T> class User<T *> {
	// What a typed read yields: a pointer read from user memory is a
	// user pointer again.
	using raw_value = meta::remove_cv_t<T>;

public:
	using pointer = T *;
	using value_type = meta::cond_t<meta::is_pointer<raw_value>, User<raw_value>, raw_value>;

	constexpr User() = default; // null
	constexpr User(decltype(nullptr)) {}
	// A user pointer from an address (e.g. one read from user memory).
	static constexpr User from_address(unsigned long a)
	{
		User u;
		u.addr_ = a;
		return u;
	}

	constexpr unsigned long addr() const { return addr_; }
	constexpr explicit operator bool() const { return addr_ != 0; }
	friend constexpr bool operator==(User a, User b) { return a.addr_ == b.addr_; }
	friend constexpr bool operator==(User a, decltype(nullptr)) { return a.addr_ == 0; }

	// Pointer arithmetic, in elements: still a user pointer.
	constexpr User operator+(long n) const
	{
		return from_address(addr_ + (unsigned long)(n * (long)elem_size()));
	}
	constexpr User operator-(long n) const { return *this + -n; }

	// ---- reads (fault-tolerant, never sleeping) ----------------------------
	// One T (dst: a T, or a kp::User<U *> when T is a pointer U *): true
	// when all of it was read (copy_from_user_nofault).
	template <class V> [[nodiscard]] bool read(V &dst) const
	{
		if constexpr (meta::is_void<raw_value>) {
			static_assert(meta::always_false<V>,
				      "kp::User<void *>::read(dst): a typed read needs a type: use "
				      ".read_bytes(dst, n), or declare kp::User<const T *>");
			return false;
		} else if constexpr (!meta::is_same<V, value_type>) {
			static_assert(meta::always_false<V>,
				      "kp::User<T *>::read(dst): dst must be a T (a kp::User<U *> when T "
				      "is a pointer U *)");
			return false;
		} else if constexpr (meta::is_user<value_type>) {
			unsigned long a;
			if (kp_read_user(&a, reinterpret_cast<const void *>(addr_), sizeof(a)))
				return false;
			dst = value_type::from_address(a);
			return true;
		} else {
			return kp_read_user(&dst, reinterpret_cast<const void *>(addr_), sizeof(dst)) == 0;
		}
	}
	// At most n bytes: how many were read (n, or fewer up to the first page
	// that faulted; 0 when none could be).
	[[nodiscard]] long read_bytes(void *dst, unsigned long n) const
	{
		return kp_read_user_bytes(dst, reinterpret_cast<const void *>(addr_), n);
	}
	// A NUL-terminated string of at most N-1 bytes, always terminated: its
	// length, or kp::efault (dst is then "").
	template <unsigned N> [[nodiscard]] long read_str(char (&dst)[N]) const
	{
		static_assert(meta::is_same<meta::remove_cv_t<T>, char> ||
				      meta::is_same<meta::remove_cv_t<T>, unsigned char> ||
				      meta::is_same<meta::remove_cv_t<T>, signed char> ||
				      meta::is_void<T>,
			      "kp::User<T *>::read_str: reads a string: T must be char or void");
		return kp_read_user_str(dst, reinterpret_cast<const void *>(addr_), N);
	}

	// ---- what a user pointer is not ----------------------------------------
	// Each is a template whose instantiation is the one error (a sentence);
	// its expression still has a type, so nothing follows it.
	template <class U = T> meta::cond_t<meta::is_void<U>, const char, U> &operator*() const
	{
		static_assert(meta::always_false<U>,
			      "kp::User<T *>: a user pointer cannot be dereferenced in a handler (it "
			      "would fault, or read kernel memory): copy it with .read(dst), "
			      ".read_bytes(dst, n) or .read_str(buf)");
		return *static_cast<meta::cond_t<meta::is_void<U>, const char, U> *>(nullptr);
	}
	template <class U = T> U *operator->() const
	{
		static_assert(meta::always_false<U>,
			      "kp::User<T *>: a user pointer cannot be dereferenced in a handler (it "
			      "would fault, or read kernel memory): copy it with .read(dst), "
			      ".read_bytes(dst, n) or .read_str(buf)");
		return nullptr;
	}
	template <class I, class U = T> meta::cond_t<meta::is_void<U>, const char, U> &operator[](I) const
	{
		static_assert(meta::always_false<I>,
			      "kp::User<T *>: a user pointer cannot be indexed in a handler: copy "
			      "the element with (p + i).read(dst)");
		return *static_cast<meta::cond_t<meta::is_void<U>, const char, U> *>(nullptr);
	}
	// No conversion to a kernel pointer (implicit or by a cast).
	template <class Q> operator Q *() const
	{
		static_assert(meta::always_false<Q>,
			      "kp::User<T *>: a user pointer does not convert to a kernel pointer: "
			      "copy what it points to with .read(dst), .read_bytes(dst, n) or "
			      ".read_str(buf)");
		return nullptr;
	}
	// No user pointer from a kernel pointer.
	template <class Q> User(Q *)
	{
		static_assert(meta::always_false<Q>,
			      "kp::User<T *>: a kernel pointer is not a user pointer: user pointers "
			      "come from kp::Args (or User<T *>::from_address)");
	}

private:
	static constexpr unsigned long elem_size()
	{
		if constexpr (meta::is_void<T>)
			return 1;
		else
			return sizeof(T);
	}
	unsigned long addr_ = 0;
};

// ---- free-standing reads --------------------------------------------------------

// One T from user memory: true when all of it was read.
template <class T, class P> [[nodiscard]] inline bool read_user(T &dst, P src)
{
	if constexpr (!meta::is_user<P>) {
		static_assert(meta::is_user<P>,
			      "kp::read_user: the source must be a user pointer, kp::User<T *>; a "
			      "kernel pointer is read with kp::read_kernel");
		return false;
	} else {
		return kp_read_user(&dst, reinterpret_cast<const void *>(src.addr()), sizeof(T)) == 0;
	}
}

// A user string into dst (at most N-1 bytes, terminated): its length, or kp::efault.
template <unsigned N, class P> [[nodiscard]] inline long read_user_str(char (&dst)[N], P src)
{
	if constexpr (!meta::is_user<P>) {
		static_assert(meta::is_user<P>,
			      "kp::read_user_str: the source must be a user pointer, kp::User<T *>; "
			      "a kernel string is read with kp::read_kernel_str");
		return efault;
	} else {
		return kp_read_user_str(dst, reinterpret_cast<const void *>(src.addr()), N);
	}
}

// One T from kernel memory (copy_from_kernel_nofault): true when it worked,
// false when the address faulted or is not a kernel address.
template <class T, class P> [[nodiscard]] inline bool read_kernel(T &dst, P src)
{
	if constexpr (meta::is_user_template<P>) {
		static_assert(!meta::is_user_template<P>,
			      "kp::read_kernel: the source is a user pointer (kp::User): read it with "
			      "its .read(dst) or kp::read_user");
		return false;
	} else if constexpr (!meta::is_pointer<P>) {
		static_assert(meta::is_pointer<P>, "kp::read_kernel: the source must be a pointer");
		return false;
	} else {
		return kp_read_kernel(&dst, static_cast<const void *>(src), sizeof(T)) == 0;
	}
}

// A NUL-terminated kernel string into dst (at most N-1 bytes, terminated):
// its length, or kp::efault (dst is then "").
template <unsigned N, class P> [[nodiscard]] inline long read_kernel_str(char (&dst)[N], P src)
{
	if constexpr (meta::is_user_template<P>) {
		static_assert(!meta::is_user_template<P>,
			      "kp::read_kernel_str: the source is a user pointer (kp::User): read it "
			      "with its .read_str(buf) or kp::read_user_str");
		return efault;
	} else if constexpr (!meta::is_pointer<P>) {
		static_assert(meta::is_pointer<P>, "kp::read_kernel_str: the source must be a pointer");
		return efault;
	} else {
		return kp_read_kernel_str(dst, static_cast<const void *>(src), N);
	}
}

} // namespace
} // namespace kp
