/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The seed's C macro API (kprobe-template's kprobe.h), on this project's
 * registry: C probe files in probes/ (*.c) include this header and register
 * in the same "kp_probes" registry as the C++ probes (framework/kp/probes.hpp),
 * with the same ordering rules (declaration order within a file, link order
 * across files), the same duplicate detection and the same dmesg messages
 * (framework/core prints them).
 *
 *   KPROBE_HANDLER_DEFINE0(func)
 *   KPROBE_HANDLER_DEFINEn(func, type1, name1, ..., typen, namen)   n = 1..6
 *   KPROBE_HANDLER_DEFINE_OFFSET(func, offset, struct pt_regs *, regs)
 *	{ ... return 0; }	(an int body; its value is ignored, see below)
 *
 *   KRETPROBE_ENTRY_HANDLER_DEFINE0(func, type, arg)
 *   KRETPROBE_ENTRY_HANDLER_DEFINEn(func, type, arg, type1, name1, ...)
 *   KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(func, 0, type, arg, struct pt_regs *, regs)
 *	{ ... return 0; }	(non-zero: no return handler for this call)
 *   KRETPROBE_RET_HANDLER_DEFINE(func, type, arg, rettype, retval)
 *	{ ... return 0; }	(the value is ignored)
 *
 *   TRACEPOINT_HANDLER_DEFINE(name, TP_PROTO parameters...)
 *	{ ... }			(void; `priv` is the tracepoint's data pointer, NULL)
 *
 *   KP_BEGIN(func) { ... }	once at load, after every probe registered
 *   KP_END(func) { ... }	once at unload, before the first unregistration
 *   KP_INTERVAL(func, ms) { ... }	every ms milliseconds, from a timer
 *				(void func(void); named "begin:func", "end:func",
 *				"interval:func"; not in the seed)
 *
 * Output: kp_trace_printf(fmt, ...) (kp_abi.h) writes one line into the
 * module's trace instance, /sys/kernel/tracing/instances/<module>/trace.
 *
 * Each macro is followed by the body of a function that receives the
 * decoded, typed arguments; the function the kernel calls is generated with
 * the kernel's exact type.  Arguments and return values are decoded with the
 * C++ DSL's rules (framework/kp_decode.h), through the per-arch register
 * tables (arch/kp_arch.h): narrow integers keep their low bits with their
 * signedness, bool is the low byte, pointers the full register.
 *
 * Differences from the seed (its defects, fixed):
 *  - KRETPROBE_ENTRY_HANDLER_DEFINE0 works.
 *  - A kprobe and a kretprobe on the same function in one file coexist:
 *    every generated name carries its kind (and for kprobes __COUNTER__).
 *  - bool arguments and return values are decoded from the low byte; the
 *    4th argument of a plain function is read from the register the
 *    function-call ABI uses (x86_64: rcx), not the syscall one (r10).
 *  - A kprobe body's int result is ignored: the generated pre_handler always
 *    returns 0 (non-zero would tell the kernel the handler changed the
 *    instruction pointer and to skip single-stepping the probed instruction).
 *  - A kretprobe at a non-zero offset is a compile error.
 *  - The kretprobe private data may be a pointer to a structure or `long`
 *    (see "kretprobe private data").
 *
 * kretprobes: the entry macro and the return macro of one function
 * ------------------------------------------------------------------
 * KRETPROBE_ENTRY_HANDLER_DEFINE*(func, ...) emits the (one) kretprobe
 * descriptor of func; it names the return handler
 * kp_c_kretprobe_ret_<func>, declared static there and defined by
 * KRETPROBE_RET_HANDLER_DEFINE(func, ...).  Hence, within one file:
 *  - KRETPROBE_RET_HANDLER_DEFINE(func, ...) must follow the entry macro of
 *    the same func (it checks that its private data type is the entry's);
 *  - each function has at most one kretprobe (a second entry macro for the
 *    same func is a compile error: a redeclared enumerator
 *    kp_c_one_kretprobe_per_function_and_file_<func>);
 *  - a kprobe on func may sit next to its kretprobe.
 * A missing return macro is an "used but never defined" diagnostic and an
 * undefined symbol at modpost time.
 *
 * kretprobe private data
 * ----------------------
 * `type arg` is the seed's: arg = (type)ri->data, the kernel's per-call
 * memory, which the generated entry handler zero-fills before calling the
 * body and which the return handler receives again.  Its size (data_size):
 *  - type is a pointer (struct parameters *): sizeof(*(type)0), the pointee;
 *  - type is `long` (or another pointer-sized integer): sizeof(type), and
 *    arg is the ADDRESS of that long-sized slot, as in the seed
 *    ((long)ri->data): use it as *(long *)arg.
 * (The seed computed sizeof(*((type)0)), which does not compile for long.)
 *
 * Argument types are spelled as the kernel spells them, `const char __user *`
 * included: __user is sparse's address-space annotation (linux/compiler_types.h
 * defines it away outside sparse), so `make C=1` checks that a body reads
 * such an argument only through copy_from_user_nofault-style helpers.  (The
 * C++ DSL makes the same rule a type: kp::User<T *>.)
 *
 * `func` may be a macro (e.g. chosen by kernel version): it is expanded
 * before it names anything.  A tracepoint probe's parameters are not checked
 * against the tracepoint's TP_PROTO (that needs its trace/events header):
 * spell them exactly.
 *
 * Offsets: KPROBE_HANDLER_DEFINE_OFFSET's body gets the raw registers;
 * KP_C_ARG_REG(regs, i) / KP_C_ARG(type, regs, i) read argument register i
 * through the arch table (meaningful only while the function has not yet
 * overwritten it).
 *
 * Status and control (framework/core/kp_status.c): a C probe is named
 * "<kind>:<func>" ("kprobe:do_sys_openat2", "kretprobe:inode_permission",
 * "tracepoint:signal_generate", "+0xOFF" after an offset probe's; "#2",
 * "#3" when several files probe the same function) and counts hits in its
 * generated handler: the kprobe pre-handler, the kretprobe return handler.
 * A TRACEPOINT_HANDLER_DEFINE body is itself the function the tracepoint
 * calls, with no generated handler around it: its hits show "-".
 */
#ifndef KP_KPROBE_H
#define KP_KPROBE_H

/*
 * KP_HOST_TEST: compiled on the host by host-tests/seed, which provides
 * struct kretprobe_instance (with a data[] member) itself.
 */
#ifndef KP_HOST_TEST
#include <linux/kprobes.h>
#include <linux/ptrace.h>
#include <linux/tracepoint.h>
#endif

#include "kp_abi.h"
#include "kp_decode.h"
#include "kp_hit.h"
#include "kp_map.h"

/* The register table the generated handlers read (host tests substitute another). */
#ifndef KP_C_TABLE
#define KP_C_TABLE kp_native_table()
#endif

/* The kernel's per-call kretprobe memory. */
#ifndef KP_C_KRI_DATA
#define KP_C_KRI_DATA(ri) ((void *)(ri)->data)
#endif

/* Argument register i (0-based), raw and decoded, for offset probes. */
#define KP_C_ARG_REG(regs, i) kp_regs_arg_reg(KP_C_TABLE, (regs), (i))
#define KP_C_ARG(type, regs, i) KP_FROM_WORD(type, KP_C_ARG_REG(regs, i))

#define KP_C_ID_(role, func, n) kp_c_##role##_##func##_##n
#define KP_C_ID(role, func, n) KP_C_ID_(role, func, n)

/*
 * One registry entry: a constant descriptor and a pointer to it in section
 * "kp_probes", both plain internal-linkage variables (as the registry
 * requires).  n is the __COUNTER__ value of the macro that declared it.
 */
/* One per translation unit: groups the unit's registry entries (kp_abi.h). */
static const char kp_c_unit_anchor __attribute__((unused));

#define KP_C_REGISTER(n, func, ...)                                                    \
	static const struct kp_probe_desc KP_C_ID(desc, func, n) = {                   \
		.flags = KP_F_NAME_KIND_SYMBOL, /* named "<kind>:<func>[+0xOFF]" */   \
		.symbol = #func,                                                      \
		.file = __FILE__,                                                     \
		.line = __LINE__,                                                     \
		.seq = n,                                                             \
		.unit = &kp_c_unit_anchor,                                            \
		__VA_ARGS__                                                           \
	};                                                                            \
	static const struct kp_probe_desc *const KP_C_ID(entry, func, n)               \
		__attribute__((used, section("kp_probes"))) = &KP_C_ID(desc, func, n)

/*
 * The BTF check's record of a C probe (tools/kp-btf check, run by Kbuild on
 * every C object of a probe directory).  Its section is .discard.kp_types:
 * the kernel's module.lds discards .discard.* when it links the .ko, so the
 * module never carries it (objcopy cannot remove it from a C object: the
 * debug info refers to the variable).  The format is the C++ records'
 * (framework/kp/btf_types.hpp): FILE:LINE, the kind ("kprobe/MACRO": the
 * messages name the macro), the symbol, optional (0), the return, the
 * arguments; each type a token the compiler computes, '=', and its
 * spelling.  Tokens: P (a pointer: the checker takes the struct or union
 * it points to from the spelling, "struct file *"), b1 (_Bool), c1
 * (plain char), iN/uN (signed/unsigned, N bytes; an enum by its size).
 * TRACEPOINT_HANDLER_DEFINE's parameters are declarations ("int sig"), not
 * separate types: its record has D tokens, the declaration as spelling,
 * checked for their count and, where the declaration has a '*', as P.
 * The record is a struct of char arrays without NULs (C allows a string
 * exactly as long as its array), then one NUL.
 */
#define KP_C_TOKEN(type)                                                               \
	__builtin_choose_expr(KP_TYPE_CLASS(type) == 5, 'P',                           \
			      _Generic(*(__typeof__(type) *)0, _Bool: 'b', char: 'c',  \
				       default: (__typeof__(type))-1 < (__typeof__(type))1 ? 'i' : 'u'))
#define KP_C_STR_(x) #x
#define KP_C_STR(x) KP_C_STR_(x)
/* one argument: its fields (i: its position), its initialisers */
#define KP_C_REC_F(i, type) char k##i[3]; char s##i[sizeof(#type) - 1]; char z##i;
#define KP_C_REC_I(type) { KP_C_TOKEN(type), '0' + sizeof(type), '=' }, #type, '\x1f',
#define KP_C_REC_FS_0(...)
#define KP_C_REC_FS_1(t1, a1) KP_C_REC_F(1, t1)
#define KP_C_REC_FS_2(t1, a1, t2, a2) KP_C_REC_FS_1(t1, a1) KP_C_REC_F(2, t2)
#define KP_C_REC_FS_3(t1, a1, t2, a2, t3, a3) KP_C_REC_FS_2(t1, a1, t2, a2) KP_C_REC_F(3, t3)
#define KP_C_REC_FS_4(t1, a1, t2, a2, t3, a3, t4, a4)                                    \
	KP_C_REC_FS_3(t1, a1, t2, a2, t3, a3) KP_C_REC_F(4, t4)
#define KP_C_REC_FS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                            \
	KP_C_REC_FS_4(t1, a1, t2, a2, t3, a3, t4, a4) KP_C_REC_F(5, t5)
#define KP_C_REC_FS_6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                    \
	KP_C_REC_FS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) KP_C_REC_F(6, t6)
#define KP_C_REC_IS_0(...)
#define KP_C_REC_IS_1(t1, a1) KP_C_REC_I(t1)
#define KP_C_REC_IS_2(t1, a1, t2, a2) KP_C_REC_IS_1(t1, a1) KP_C_REC_I(t2)
#define KP_C_REC_IS_3(t1, a1, t2, a2, t3, a3) KP_C_REC_IS_2(t1, a1, t2, a2) KP_C_REC_I(t3)
#define KP_C_REC_IS_4(t1, a1, t2, a2, t3, a3, t4, a4)                                    \
	KP_C_REC_IS_3(t1, a1, t2, a2, t3, a3) KP_C_REC_I(t4)
#define KP_C_REC_IS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                            \
	KP_C_REC_IS_4(t1, a1, t2, a2, t3, a3, t4, a4) KP_C_REC_I(t5)
#define KP_C_REC_IS_6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                    \
	KP_C_REC_IS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) KP_C_REC_I(t6)
/* the head: place, kind, symbol, optional, and the return's fields (ret_f: none or "char r[3]; char rs[N];") */
#define KP_C_RECORD(n, func, kind, ret_f, ret_i, args_f, args_i)                       \
	static const struct {                                                          \
		char head[sizeof(__FILE__ ":" KP_C_STR(__LINE__) "\x1e" kind "\x1e" #func "\x1e" "0\x1e") - 1]; \
		ret_f                                                                  \
		char sep;                                                              \
		args_f                                                                 \
		char end;                                                              \
	} KP_C_ID(types, func, n) __attribute__((used, aligned(1), section(".discard.kp_types"))) = { \
		__FILE__ ":" KP_C_STR(__LINE__) "\x1e" kind "\x1e" #func "\x1e" "0\x1e",  \
		ret_i '\x1e', args_i 0                                                 \
	}
/* an argument list of x (type, name) pairs: each argument ends with \x1f (the checker splits on it) */
#define KP_C_RECORD_ARGS(n, x, func, kind, ...)                                        \
	KP_C_RECORD(n, func, kind, , , KP_C_REC_FS_##x(__VA_ARGS__), KP_C_REC_IS_##x(__VA_ARGS__))
#define KP_C_RET_F(rettype) char r[3]; char rs[sizeof(#rettype) - 1];
#define KP_C_RET_I(rettype) { KP_C_TOKEN(rettype), '0' + sizeof(rettype), '=' }, #rettype,
#define KP_C_RECORD_RET(n, func, kind, rettype)                                        \
	KP_C_RECORD(n, func, kind, KP_C_RET_F(rettype), KP_C_RET_I(rettype), , )
/* a tracepoint's parameter declarations (1 to 12), each a D token */
#define KP_C_TP_F(i, d) char k##i[3]; char s##i[sizeof(#d) - 1]; char z##i;
#define KP_C_TP_I(d) { 'D', '0', '=' }, #d, '\x1f',
#define KP_C_TP_FS_1(d) KP_C_TP_F(1, d)
#define KP_C_TP_FS_2(d, ...) KP_C_TP_F(2, d) KP_C_TP_FS_1(__VA_ARGS__)
#define KP_C_TP_FS_3(d, ...) KP_C_TP_F(3, d) KP_C_TP_FS_2(__VA_ARGS__)
#define KP_C_TP_FS_4(d, ...) KP_C_TP_F(4, d) KP_C_TP_FS_3(__VA_ARGS__)
#define KP_C_TP_FS_5(d, ...) KP_C_TP_F(5, d) KP_C_TP_FS_4(__VA_ARGS__)
#define KP_C_TP_FS_6(d, ...) KP_C_TP_F(6, d) KP_C_TP_FS_5(__VA_ARGS__)
#define KP_C_TP_FS_7(d, ...) KP_C_TP_F(7, d) KP_C_TP_FS_6(__VA_ARGS__)
#define KP_C_TP_FS_8(d, ...) KP_C_TP_F(8, d) KP_C_TP_FS_7(__VA_ARGS__)
#define KP_C_TP_FS_9(d, ...) KP_C_TP_F(9, d) KP_C_TP_FS_8(__VA_ARGS__)
#define KP_C_TP_FS_10(d, ...) KP_C_TP_F(10, d) KP_C_TP_FS_9(__VA_ARGS__)
#define KP_C_TP_FS_11(d, ...) KP_C_TP_F(11, d) KP_C_TP_FS_10(__VA_ARGS__)
#define KP_C_TP_FS_12(d, ...) KP_C_TP_F(12, d) KP_C_TP_FS_11(__VA_ARGS__)
#define KP_C_TP_IS_1(d) KP_C_TP_I(d)
#define KP_C_TP_IS_2(d, ...) KP_C_TP_I(d) KP_C_TP_IS_1(__VA_ARGS__)
#define KP_C_TP_IS_3(d, ...) KP_C_TP_I(d) KP_C_TP_IS_2(__VA_ARGS__)
#define KP_C_TP_IS_4(d, ...) KP_C_TP_I(d) KP_C_TP_IS_3(__VA_ARGS__)
#define KP_C_TP_IS_5(d, ...) KP_C_TP_I(d) KP_C_TP_IS_4(__VA_ARGS__)
#define KP_C_TP_IS_6(d, ...) KP_C_TP_I(d) KP_C_TP_IS_5(__VA_ARGS__)
#define KP_C_TP_IS_7(d, ...) KP_C_TP_I(d) KP_C_TP_IS_6(__VA_ARGS__)
#define KP_C_TP_IS_8(d, ...) KP_C_TP_I(d) KP_C_TP_IS_7(__VA_ARGS__)
#define KP_C_TP_IS_9(d, ...) KP_C_TP_I(d) KP_C_TP_IS_8(__VA_ARGS__)
#define KP_C_TP_IS_10(d, ...) KP_C_TP_I(d) KP_C_TP_IS_9(__VA_ARGS__)
#define KP_C_TP_IS_11(d, ...) KP_C_TP_I(d) KP_C_TP_IS_10(__VA_ARGS__)
#define KP_C_TP_IS_12(d, ...) KP_C_TP_I(d) KP_C_TP_IS_11(__VA_ARGS__)
#define KP_C_NARGS_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, N, ...) N
#define KP_C_NARGS(...) KP_C_NARGS_(__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define KP_C_CAT_(a, b) a##b
#define KP_C_CAT(a, b) KP_C_CAT_(a, b)
#define KP_C_RECORD_TP(n, name, ...)                                                   \
	KP_C_RECORD(n, name, "tracepoint/TRACEPOINT_HANDLER_DEFINE", , ,                 \
		    KP_C_CAT(KP_C_TP_FS_, KP_C_NARGS(__VA_ARGS__))(__VA_ARGS__),          \
		    KP_C_CAT(KP_C_TP_IS_, KP_C_NARGS(__VA_ARGS__))(__VA_ARGS__))

/* ---- kprobes ------------------------------------------------------------------ */

#define KP_C_KPROBE(n, x, func, ...)                                                   \
	KP_CHECKS_##x("KPROBE_HANDLER_DEFINE" #x "(" #func ")", __VA_ARGS__)           \
	KP_C_RECORD_ARGS(n, x, func, "kprobe/KPROBE_HANDLER_DEFINE" #x, __VA_ARGS__);  \
	static inline int KP_C_ID(kprobe_body, func, n)(KP_PARAMS_##x(__VA_ARGS__));   \
	static struct kp_probe_state KP_C_ID(state, func, n);                          \
	static int KP_C_ID(kprobe_pre, func, n)(struct kprobe *p, struct pt_regs *regs) \
	{                                                                             \
		(void)p;                                                              \
		(void)regs;                                                           \
		/* ignored: non-zero would make the kernel skip single-stepping */    \
		KP_COUNTED(&KP_C_ID(state, func, n),                                  \
			   (void)KP_C_ID(kprobe_body, func, n)(                        \
				   KP_ARGS_##x(KP_C_TABLE, regs, __VA_ARGS__)));       \
		return 0;                                                             \
	}                                                                             \
	KP_C_REGISTER(n, func, .kind = KP_KIND_KPROBE,                                 \
		      .pre = KP_C_ID(kprobe_pre, func, n),                             \
		      .state = &KP_C_ID(state, func, n));                              \
	static inline int KP_C_ID(kprobe_body, func, n)(KP_PARAMS_##x(__VA_ARGS__))

#define KP_C_KPROBE_OFFSET(n, func, off, rtype, rname)                                 \
	static inline int KP_C_ID(kprobe_body, func, n)(rtype rname);                  \
	static struct kp_probe_state KP_C_ID(state, func, n);                          \
	static int KP_C_ID(kprobe_pre, func, n)(struct kprobe *p, struct pt_regs *regs) \
	{                                                                             \
		(void)p;                                                              \
		/* ignored: non-zero would make the kernel skip single-stepping */    \
		KP_COUNTED(&KP_C_ID(state, func, n),                                  \
			   (void)KP_C_ID(kprobe_body, func, n)(regs));                 \
		return 0;                                                             \
	}                                                                             \
	KP_C_REGISTER(n, func, .kind = KP_KIND_KPROBE, .offset = (off),                \
		      .pre = KP_C_ID(kprobe_pre, func, n),                             \
		      .state = &KP_C_ID(state, func, n));                              \
	static inline int KP_C_ID(kprobe_body, func, n)(rtype rname)

/* ---- kretprobes ------------------------------------------------------------- */

/* sizeof the pointee for a pointer type, sizeof the type itself otherwise */
#define KP_C_DATA_SIZE(type)                                                           \
	sizeof(*__builtin_choose_expr(KP_IS_POINTER_TYPE(type), (type)0,               \
				      (__typeof__(type) *)0))

#define KP_C_CHECK_DATA_TYPE(what, type)                                               \
	_Static_assert(KP_IS_POINTER_TYPE(type) ||                                     \
			       (KP_TYPE_CLASS(type) == 1 && sizeof(type) == sizeof(void *)), \
		       what ": the private data type `" #type "` must be a pointer to the " \
		       "per-call data (e.g. struct parameters *) or long (then the "   \
		       "argument is the address of a long-sized per-call slot)")

#define KP_C_RET_NAME(func) kp_c_kretprobe_ret_##func
#define KP_C_RET_BODY(func) kp_c_kretprobe_ret_body_##func
#define KP_C_DATA_TYPE(func) kp_c_kretprobe_data_type_of_##func
#define KP_C_ONCE(func) kp_c_one_kretprobe_per_function_and_file_##func
#define KP_C_RET_STATE(func) kp_c_kretprobe_state_##func

/*
 * The entry half: the descriptor, the entry handler, and the declaration of
 * the return handler that KRETPROBE_RET_HANDLER_DEFINE(func, ...) defines.
 * The typedef records the private data type for the return macro's check;
 * the enumerator makes a second kretprobe on func in the same file an error.
 */
#define KP_C_KRETPROBE_HEAD(n, func, off, what, type)                                  \
	_Static_assert((off) == 0, what ": a kretprobe attaches at function entry "    \
		       "only: the offset must be 0 (kprobes reject a kretprobe at "    \
		       "func+offset)");                                                 \
	KP_C_CHECK_DATA_TYPE(what, type);                                              \
	enum { KP_C_ONCE(func) = 1 };                                                  \
	typedef type KP_C_DATA_TYPE(func);                                             \
	static struct kp_probe_state KP_C_RET_STATE(func);                             \
	static int KP_C_RET_NAME(func)(struct kretprobe_instance *ri, struct pt_regs *regs)

#define KP_C_KRETPROBE(n, x, func, type, arg, ...)                                     \
	KP_C_KRETPROBE_HEAD(n, func, 0, "KRETPROBE_ENTRY_HANDLER_DEFINE" #x "(" #func ")", \
			    type);                                                     \
	KP_CHECKS_##x("KRETPROBE_ENTRY_HANDLER_DEFINE" #x "(" #func ")", __VA_ARGS__)  \
	KP_C_RECORD_ARGS(n, x, func, "kretprobe/KRETPROBE_ENTRY_HANDLER_DEFINE" #x,     \
			 __VA_ARGS__);                                                 \
	static inline int KP_C_ID(kretprobe_entry_body, func, n)(                      \
		type arg KP_XPARAMS_##x(__VA_ARGS__));                                 \
	static int KP_C_ID(kretprobe_entry, func, n)(struct kretprobe_instance *ri,     \
						      struct pt_regs *regs)             \
	{                                                                             \
		(void)regs;                                                           \
		__builtin_memset(KP_C_KRI_DATA(ri), 0, KP_C_DATA_SIZE(type));          \
		return KP_C_ID(kretprobe_entry_body, func, n)(                         \
			(type)KP_C_KRI_DATA(ri) KP_XARGS_##x(KP_C_TABLE, regs, __VA_ARGS__)); \
	}                                                                             \
	KP_C_REGISTER(n, func, .kind = KP_KIND_KRETPROBE,                              \
		      .entry = KP_C_ID(kretprobe_entry, func, n),                      \
		      .ret = KP_C_RET_NAME(func),                                      \
		      .data_size = KP_C_DATA_SIZE(type),                               \
		      .state = &KP_C_RET_STATE(func));                                 \
	static inline int KP_C_ID(kretprobe_entry_body, func, n)(                      \
		type arg KP_XPARAMS_##x(__VA_ARGS__))

#define KP_C_KRETPROBE_OFFSET(n, func, off, type, arg, rtype, rname)                   \
	KP_C_KRETPROBE_HEAD(n, func, off,                                              \
			    "KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(" #func ", " #off ")", \
			    type);                                                     \
	static inline int KP_C_ID(kretprobe_entry_body, func, n)(type arg, rtype rname); \
	static int KP_C_ID(kretprobe_entry, func, n)(struct kretprobe_instance *ri,     \
						      struct pt_regs *regs)             \
	{                                                                             \
		__builtin_memset(KP_C_KRI_DATA(ri), 0, KP_C_DATA_SIZE(type));          \
		return KP_C_ID(kretprobe_entry_body, func, n)((type)KP_C_KRI_DATA(ri), \
							       regs);                   \
	}                                                                             \
	KP_C_REGISTER(n, func, .kind = KP_KIND_KRETPROBE,                              \
		      .entry = KP_C_ID(kretprobe_entry, func, n),                      \
		      .ret = KP_C_RET_NAME(func),                                      \
		      .data_size = KP_C_DATA_SIZE(type),                               \
		      .state = &KP_C_RET_STATE(func));                                 \
	static inline int KP_C_ID(kretprobe_entry_body, func, n)(type arg, rtype rname)

#define KP_C_KRETPROBE_RET(func, type, arg, rettype, retval)                           \
	_Static_assert(__builtin_types_compatible_p(type, KP_C_DATA_TYPE(func)),       \
		       "KRETPROBE_RET_HANDLER_DEFINE(" #func "): the private data type " \
		       "differs from the one of KRETPROBE_ENTRY_HANDLER_DEFINE*(" #func \
		       ", ...), which must come first in the same file");              \
	KP_CHECK_TYPE("KRETPROBE_RET_HANDLER_DEFINE(" #func "): the return type", rettype); \
	KP_C_RECORD_RET(ret, func, "kretprobe/KRETPROBE_RET_HANDLER_DEFINE", rettype);   \
	static inline int KP_C_RET_BODY(func)(type arg, rettype retval);               \
	static int KP_C_RET_NAME(func)(struct kretprobe_instance *ri, struct pt_regs *regs) \
	{                                                                             \
		KP_COUNTED(&KP_C_RET_STATE(func),                                     \
			   (void)KP_C_RET_BODY(func)((type)KP_C_KRI_DATA(ri),          \
						     KP_DECODE_RET(rettype, KP_C_TABLE, regs))); \
		return 0;                                                             \
	}                                                                             \
	static inline int KP_C_RET_BODY(func)(type arg, rettype retval)

/* ---- tracepoints ------------------------------------------------------------ */

/*
 * The descriptor's tp_probe is the address of a constant holding the probe
 * function's address (kp_abi.h); the core passes that function to
 * tracepoint_probe_register() for the tracepoint named `name`.
 */
#define KP_C_TRACEPOINT(n, name, ...)                                                  \
	KP_C_RECORD_TP(n, name, __VA_ARGS__);                                          \
	static void KP_C_ID(tp_probe, name, n)(void *priv, __VA_ARGS__);               \
	static void (*const KP_C_ID(tp_slot, name, n))(void *, __VA_ARGS__) =          \
		KP_C_ID(tp_probe, name, n);                                            \
	KP_C_REGISTER(n, name, .kind = KP_KIND_TRACEPOINT,                             \
		      .tp_probe = &KP_C_ID(tp_slot, name, n));                         \
	static void KP_C_ID(tp_probe, name, n)(void *priv, __VA_ARGS__)

/* ---- begin, end, interval ----------------------------------------------------- */

/*
 * func is the body's name (void func(void)); the core calls the generated
 * run function, which counts the run and calls it.
 */
#define KP_C_RUN(n, k, what, func, ms)                                                 \
	_Static_assert((ms) >= 0 && (ms) <= 86400000, what ": the period is in "       \
		       "milliseconds, from 1 to 86400000 (a day)");                    \
	static void func(void);                                                        \
	static struct kp_probe_state KP_C_ID(state, func, n);                          \
	static void KP_C_ID(run, func, n)(void)                                        \
	{                                                                              \
		KP_COUNTED(&KP_C_ID(state, func, n), func());                          \
	}                                                                              \
	KP_C_REGISTER(n, func, .kind = (k), .run = KP_C_ID(run, func, n),              \
		      .period_ms = (ms), .state = &KP_C_ID(state, func, n));           \
	static void func(void)

/* ---- the seed's API ------------------------------------------------------------- */

/* Expands __COUNTER__ once per macro: it names and orders what the macro declares. */
#define KP_C_KPROBE_(...) KP_C_KPROBE(__VA_ARGS__)
#define KP_C_KPROBE_OFFSET_(...) KP_C_KPROBE_OFFSET(__VA_ARGS__)
#define KP_C_KRETPROBE_(...) KP_C_KRETPROBE(__VA_ARGS__)
#define KP_C_KRETPROBE_OFFSET_(...) KP_C_KRETPROBE_OFFSET(__VA_ARGS__)
#define KP_C_TRACEPOINT_(...) KP_C_TRACEPOINT(__VA_ARGS__)

#define KPROBE_HANDLER_DEFINE0(func) KP_C_KPROBE_(__COUNTER__, 0, func, void)
#define KPROBE_HANDLER_DEFINE1(func, ...) KP_C_KPROBE_(__COUNTER__, 1, func, __VA_ARGS__)
#define KPROBE_HANDLER_DEFINE2(func, ...) KP_C_KPROBE_(__COUNTER__, 2, func, __VA_ARGS__)
#define KPROBE_HANDLER_DEFINE3(func, ...) KP_C_KPROBE_(__COUNTER__, 3, func, __VA_ARGS__)
#define KPROBE_HANDLER_DEFINE4(func, ...) KP_C_KPROBE_(__COUNTER__, 4, func, __VA_ARGS__)
#define KPROBE_HANDLER_DEFINE5(func, ...) KP_C_KPROBE_(__COUNTER__, 5, func, __VA_ARGS__)
#define KPROBE_HANDLER_DEFINE6(func, ...) KP_C_KPROBE_(__COUNTER__, 6, func, __VA_ARGS__)
#define KPROBE_HANDLER_DEFINE_OFFSET(func, offset, rtype, rname)                       \
	KP_C_KPROBE_OFFSET_(__COUNTER__, func, offset, rtype, rname)

#define KRETPROBE_ENTRY_HANDLER_DEFINE0(func, type, arg)                               \
	KP_C_KRETPROBE_(__COUNTER__, 0, func, type, arg, void)
#define KRETPROBE_ENTRY_HANDLER_DEFINE1(func, type, arg, ...)                          \
	KP_C_KRETPROBE_(__COUNTER__, 1, func, type, arg, __VA_ARGS__)
#define KRETPROBE_ENTRY_HANDLER_DEFINE2(func, type, arg, ...)                          \
	KP_C_KRETPROBE_(__COUNTER__, 2, func, type, arg, __VA_ARGS__)
#define KRETPROBE_ENTRY_HANDLER_DEFINE3(func, type, arg, ...)                          \
	KP_C_KRETPROBE_(__COUNTER__, 3, func, type, arg, __VA_ARGS__)
#define KRETPROBE_ENTRY_HANDLER_DEFINE4(func, type, arg, ...)                          \
	KP_C_KRETPROBE_(__COUNTER__, 4, func, type, arg, __VA_ARGS__)
#define KRETPROBE_ENTRY_HANDLER_DEFINE5(func, type, arg, ...)                          \
	KP_C_KRETPROBE_(__COUNTER__, 5, func, type, arg, __VA_ARGS__)
#define KRETPROBE_ENTRY_HANDLER_DEFINE6(func, type, arg, ...)                          \
	KP_C_KRETPROBE_(__COUNTER__, 6, func, type, arg, __VA_ARGS__)
#define KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(func, offset, type, arg, rtype, rname)   \
	KP_C_KRETPROBE_OFFSET_(__COUNTER__, func, offset, type, arg, rtype, rname)

#define KRETPROBE_RET_HANDLER_DEFINE(func, type, arg, rettype, retval)                 \
	KP_C_KRETPROBE_RET(func, type, arg, rettype, retval)

#define TRACEPOINT_HANDLER_DEFINE(name, ...) KP_C_TRACEPOINT_(__COUNTER__, name, __VA_ARGS__)

/* ---- maps (the C++ maps' core, framework/kp_map.h) -------------------------------- */
/*
 * KP_COUNT_MAP(name, capacity)   a count keyed by one long, capacity keys per CPU
 * KP_HIST_MAP(name)              one log2 histogram
 * in a handler:  kp_count(&name, key);  kp_hist(&name, value);
 * Read at /sys/kernel/debug/kp-<module>/maps/<name>, like the C++ maps
 * (kp::Count<kp::Key<long>, capacity>, kp::Hist<>): per-CPU, no lock, the
 * update inlined, a full table's updates counted as dropped.
 */
#define KP_C_MAP(map, kind_, cap, kwords, vwords, fmt)                                \
	static struct kp_map_state kp_c_map_state_##map;                              \
	static const struct kp_map_desc map = {                                       \
		.name = #map,                                                        \
		.kind = kind_,                                                        \
		.capacity = cap,                                                      \
		.key_words = kwords,                                                  \
		.val_words = vwords,                                                  \
		.key_fmt = fmt,                                                       \
		.file = __FILE__,                                                     \
		.line = __LINE__,                                                     \
		.state = &kp_c_map_state_##map,                                      \
	};                                                                            \
	static const struct kp_map_desc *const kp_c_map_entry_##map                   \
		__attribute__((used, section("kp_maps"))) = &map

#define KP_COUNT_MAP(map, capacity)                                                   \
	_Static_assert((capacity) >= 1, "KP_COUNT_MAP(" #map "): the capacity must be at least 1"); \
	KP_C_MAP(map, KP_MAP_COUNT, capacity, 1, 1, "d")
#define KP_HIST_MAP(map) KP_C_MAP(map, KP_MAP_HIST_LOG2, 1, 0, KP_MAP_LOG2_BUCKETS, "")

static inline __attribute__((always_inline, unused)) void kp_count(const struct kp_map_desc *m,
								   long key)
{
	kp_map_word k = (kp_map_word)key;

	kp_map_update(m, &k, 1);
}

static inline __attribute__((always_inline, unused)) void kp_hist(const struct kp_map_desc *m,
								  long value)
{
	kp_map_update(m, 0, value);
}
#define KP_C_RUN_(...) KP_C_RUN(__VA_ARGS__)
#define KP_BEGIN(func) KP_C_RUN_(__COUNTER__, KP_KIND_BEGIN, "KP_BEGIN(" #func ")", func, 0)
#define KP_END(func) KP_C_RUN_(__COUNTER__, KP_KIND_END, "KP_END(" #func ")", func, 0)
/* (ms) > 0 here: 0 is KP_BEGIN/KP_END's "no period" */
#define KP_INTERVAL(func, ms)                                                           \
	_Static_assert((ms) > 0, "KP_INTERVAL(" #func ", " #ms "): the period is in "    \
		       "milliseconds, from 1 to 86400000 (a day)");                     \
	KP_C_RUN_(__COUNTER__, KP_KIND_INTERVAL, "KP_INTERVAL(" #func ", " #ms ")", func, ms)

#endif
