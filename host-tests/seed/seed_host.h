/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interface between the C halves of the seed API host tests (compiled
 * as C: decode_cases.c, macros.c) and the googletest driver (seed_test.cpp).
 */
#ifndef KPT_SEED_HOST_H
#define KPT_SEED_HOST_H

#include "kp_abi.h"
#include "arch/kp_arch.h"

#ifdef __cplusplus
extern "C" {
typedef bool kpt_bool;
#else
typedef _Bool kpt_bool;
#endif

/* Enums of every underlying type the C rules meet (C: the compatible type). */
enum kpt_small { KPT_SMALL_A, KPT_SMALL_B, KPT_SMALL_C };	/* unsigned int */
enum kpt_neg { KPT_NEG_M1 = -1, KPT_NEG_ONE = 1 };		/* int */
enum kpt_big { KPT_BIG_ONE = 1, KPT_BIG_WIDE = 0x100000000 };	/* 64 bits (GNU) */

/* ---- decode_cases.c: the pure rules of framework/kp_decode.h ---------------- */

/*
 * Every type category, decoded from a word / an argument / the return
 * register, widened to 64 bits (signed types sign-extended, unsigned and
 * pointers zero-extended, bool 0/1).  tname in: s8 u8 s16 u16 s32 u32 s64
 * u64 char bool esmall eneg ebig ptr.
 */
#define KPT_TYPES(X)                                                                   \
	X(s8, signed char, long long)                                                  \
	X(u8, unsigned char, unsigned long long)                                       \
	X(s16, short, long long)                                                       \
	X(u16, unsigned short, unsigned long long)                                     \
	X(s32, int, long long)                                                         \
	X(u32, unsigned int, unsigned long long)                                       \
	X(s64, long, long long)                                                        \
	X(u64, unsigned long, unsigned long long)                                      \
	X(char, char, long long)                                                       \
	X(bool, kpt_bool, long long)                                                      \
	X(esmall, enum kpt_small, long long)                                           \
	X(eneg, enum kpt_neg, long long)                                               \
	X(ebig, enum kpt_big, long long)                                               \
	X(ptr, const void *, unsigned long long)

#define KPT_DECLARE(tname, T, W)                                                       \
	W kpt_word_##tname(unsigned long w);                                           \
	W kpt_arg_x86_64_##tname(const void *regs, unsigned int i);                    \
	W kpt_arg_arm64_##tname(const void *regs, unsigned int i);                     \
	W kpt_ret_x86_64_##tname(const void *regs);                                    \
	W kpt_ret_arm64_##tname(const void *regs);
KPT_TYPES(KPT_DECLARE)

/* The raw word of argument i, as the C macros read it. */
unsigned long kpt_arg_word_x86_64(const void *regs, unsigned int i);
unsigned long kpt_arg_word_arm64(const void *regs, unsigned int i);
/* Whether KP_DECODABLE accepts the type (the compile-time check, as a value). */
int kpt_decodable(const char *tname);

/* ---- macros.c: the seed's macros, expanded on the host ----------------------- */

/* What a generated handler passed to the user's body. */
struct kpt_record {
	int calls;
	long long v[6];		/* decoded arguments, widened as above */
	unsigned long long p;	/* a pointer argument / private data address */
	long long ret;		/* decoded return value */
	long slot;		/* the long private data seen by the return handler */
	int entry_result;	/* what the entry body returned */
};

/* The kernel's per-call kretprobe memory (data[] is a flexible array there). */
struct kretprobe_instance {
	unsigned long kernel_private[4];
	char data[64] __attribute__((aligned(8)));
};

/* macros.c is compiled twice: every symbol below exists with _x86_64 and _arm64. */
#define KPT_RECORDS(X)                                                                 \
	X(many) X(many_offset) X(zero) X(zero_entry) X(zero_ret) X(pair_entry)          \
	X(pair_ret) X(off0_entry) X(off0_ret) X(tp) X(d1) X(d2) X(d3) X(d4) X(d5)      \
	X(e1) X(e6) X(e6_ret)
#define KPT_DECLARE_RECORD(name)                                                       \
	extern struct kpt_record kpt_rec_##name##_x86_64, kpt_rec_##name##_arm64;
KPT_RECORDS(KPT_DECLARE_RECORD)

/* The private data type of kpt_pair's kretprobe (data_size = its size). */
struct kpt_pair_call {
	int x;
	kpt_bool flag;
	long long stamp;
};

/* The registry section, as the host linker bounds it. */
extern const struct kp_probe_desc *const __start_kp_probes[];
extern const struct kp_probe_desc *const __stop_kp_probes[];

#ifdef __cplusplus
}
#endif

#endif
