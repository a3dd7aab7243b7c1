/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C decoding rules of the C macro API (framework/kprobe.h): the value of
 * a typed argument or return value from saved registers.  No kernel header,
 * so that the host tests (host-tests/seed) compile it as it is.
 *
 * The rules are those of the C++ DSL (framework/kp/decode.hpp):
 *  - an integer narrower than 64 bits keeps only its low bits, with its own
 *    signedness (the ABI leaves the upper bits undefined);
 *  - bool is the low byte (!= 0);
 *  - an enum goes through its underlying (compatible) integer type;
 *  - a pointer is the full register;
 *  - floating point, structs and unions by value, and integers wider than
 *    a register are compile errors (KP_CHECK_TYPE).
 * Registers are read only through the accessors of arch/kp_arch.h (the ones
 * the C++ DSL uses): kp_regs_arg (argument i: a register, or beyond them a
 * stack slot read without faulting, 0 if the read faults), kp_regs_ret.
 */
#ifndef KP_DECODE_H
#define KP_DECODE_H

#ifdef __cplusplus
#error "kp_decode.h is the C side; C++ decodes with framework/kp/decode.hpp"
#endif

#include "kp_abi.h"
#include "../arch/kp_arch.h"

/* The calling-convention table of the architecture being compiled for. */
static inline const struct kp_arch_table *kp_native_table(void)
{
	static const struct kp_arch_table t = KP_NATIVE_ARCH_TABLE;

	return &t;
}

/*
 * __builtin_classify_type of a value of `type` (no conversion): 1 integer
 * (and enum; gcc also bool), 4 bool (clang), 5 pointer, 8 real, 9 complex,
 * 12 struct, 13 union.  Evaluated at compile time only.
 */
#define KP_TYPE_CLASS(type) __builtin_classify_type(*(__typeof__(type) *)0)
#define KP_IS_POINTER_TYPE(type) (KP_TYPE_CLASS(type) == 5)
#define KP_DECODABLE(type)                                                          \
	((KP_TYPE_CLASS(type) == 1 || KP_TYPE_CLASS(type) == 4 ||                    \
	  KP_TYPE_CLASS(type) == 5) &&                                               \
	 sizeof(type) <= sizeof(unsigned long))

/* A file-scope declaration: a compile error naming the macro and the type. */
#define KP_CHECK_TYPE(what, type)                                                   \
	_Static_assert(KP_DECODABLE(type), what ": `" #type "` cannot be decoded from " \
		       "a register: use an integer, enum, bool or pointer type (no "   \
		       "floating point, no struct or union by value, at most 64 bits)")

/*
 * The value of a `type` whose bits arrived in the 64-bit word w.  The bool
 * branch goes through unsigned long so that no branch converts an int to a
 * pointer of another size (both branches are compiled for every type).
 */
#define KP_FROM_WORD(type, w)                                                       \
	_Generic((__typeof__(type))0,                                                \
		_Bool: (type)(unsigned long)((unsigned char)(w) != 0),               \
		default: (type)(w))

/* Argument i (0-based) of a function at its first instruction, and the return value. */
#define KP_DECODE_ARG(type, table, regs, i) KP_FROM_WORD(type, kp_regs_arg((table), (regs), (i)))
#define KP_DECODE_RET(type, table, regs) KP_FROM_WORD(type, kp_regs_ret((table), (regs)))

/*
 * Lists over the seed's (type1, name1, type2, name2, ...) parameters, for
 * N = 0..6 (every one of them is a register argument on x86_64 and arm64;
 * KP_DECODE_ARG would read further ones from the stack).
 *   KP_PARAMS_N(...)          "t1 n1, t2 n2"       (N = 0: "void")
 *   KP_XPARAMS_N(...)         ", t1 n1, t2 n2"     (N = 0: nothing)
 *   KP_ARGS_N(T, R, ...)      decoded arguments 0..N-1, from table T, registers R
 *   KP_XARGS_N(T, R, ...)     the same, each after a comma
 *   KP_CHECKS_N(what, ...)    one KP_CHECK_TYPE per type, each with its ';'
 * The N = 0 forms take one placeholder argument, which they ignore.
 */
#define KP_XPARAMS_0(...)
#define KP_XPARAMS_1(t1, a1) , t1 a1
#define KP_XPARAMS_2(t1, a1, t2, a2) , t1 a1, t2 a2
#define KP_XPARAMS_3(t1, a1, t2, a2, t3, a3) , t1 a1, t2 a2, t3 a3
#define KP_XPARAMS_4(t1, a1, t2, a2, t3, a3, t4, a4) , t1 a1, t2 a2, t3 a3, t4 a4
#define KP_XPARAMS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                          \
	, t1 a1, t2 a2, t3 a3, t4 a4, t5 a5
#define KP_XPARAMS_6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                  \
	, t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6

#define KP_XARGS_0(T, R, ...)
#define KP_XARGS_1(T, R, t1, a1) , KP_DECODE_ARG(t1, T, R, 0)
#define KP_XARGS_2(T, R, t1, a1, t2, a2) KP_XARGS_1(T, R, t1, a1), KP_DECODE_ARG(t2, T, R, 1)
#define KP_XARGS_3(T, R, t1, a1, t2, a2, t3, a3)                                      \
	KP_XARGS_2(T, R, t1, a1, t2, a2), KP_DECODE_ARG(t3, T, R, 2)
#define KP_XARGS_4(T, R, t1, a1, t2, a2, t3, a3, t4, a4)                              \
	KP_XARGS_3(T, R, t1, a1, t2, a2, t3, a3), KP_DECODE_ARG(t4, T, R, 3)
#define KP_XARGS_5(T, R, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                      \
	KP_XARGS_4(T, R, t1, a1, t2, a2, t3, a3, t4, a4), KP_DECODE_ARG(t5, T, R, 4)
#define KP_XARGS_6(T, R, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)              \
	KP_XARGS_5(T, R, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), KP_DECODE_ARG(t6, T, R, 5)

/* The comma-less forms: the comma-led list without its first comma. */
#define KP_DROP_FIRST_(x, ...) __VA_ARGS__
#define KP_DROP_FIRST(...) KP_DROP_FIRST_(__VA_ARGS__)
#define KP_PARAMS_0(...) void
#define KP_PARAMS_1(...) KP_DROP_FIRST(~ KP_XPARAMS_1(__VA_ARGS__))
#define KP_PARAMS_2(...) KP_DROP_FIRST(~ KP_XPARAMS_2(__VA_ARGS__))
#define KP_PARAMS_3(...) KP_DROP_FIRST(~ KP_XPARAMS_3(__VA_ARGS__))
#define KP_PARAMS_4(...) KP_DROP_FIRST(~ KP_XPARAMS_4(__VA_ARGS__))
#define KP_PARAMS_5(...) KP_DROP_FIRST(~ KP_XPARAMS_5(__VA_ARGS__))
#define KP_PARAMS_6(...) KP_DROP_FIRST(~ KP_XPARAMS_6(__VA_ARGS__))
#define KP_ARGS_0(T, R, ...)
#define KP_ARGS_1(T, R, ...) KP_DROP_FIRST(~ KP_XARGS_1(T, R, __VA_ARGS__))
#define KP_ARGS_2(T, R, ...) KP_DROP_FIRST(~ KP_XARGS_2(T, R, __VA_ARGS__))
#define KP_ARGS_3(T, R, ...) KP_DROP_FIRST(~ KP_XARGS_3(T, R, __VA_ARGS__))
#define KP_ARGS_4(T, R, ...) KP_DROP_FIRST(~ KP_XARGS_4(T, R, __VA_ARGS__))
#define KP_ARGS_5(T, R, ...) KP_DROP_FIRST(~ KP_XARGS_5(T, R, __VA_ARGS__))
#define KP_ARGS_6(T, R, ...) KP_DROP_FIRST(~ KP_XARGS_6(T, R, __VA_ARGS__))

#define KP_CHECKS_0(what, ...)
#define KP_CHECKS_1(what, t1, a1) KP_CHECK_TYPE(what, t1);
#define KP_CHECKS_2(what, t1, a1, t2, a2) KP_CHECKS_1(what, t1, a1) KP_CHECK_TYPE(what, t2);
#define KP_CHECKS_3(what, t1, a1, t2, a2, t3, a3)                                     \
	KP_CHECKS_2(what, t1, a1, t2, a2) KP_CHECK_TYPE(what, t3);
#define KP_CHECKS_4(what, t1, a1, t2, a2, t3, a3, t4, a4)                             \
	KP_CHECKS_3(what, t1, a1, t2, a2, t3, a3) KP_CHECK_TYPE(what, t4);
#define KP_CHECKS_5(what, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                     \
	KP_CHECKS_4(what, t1, a1, t2, a2, t3, a3, t4, a4) KP_CHECK_TYPE(what, t5);
#define KP_CHECKS_6(what, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)             \
	KP_CHECKS_5(what, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) KP_CHECK_TYPE(what, t6);

#endif
