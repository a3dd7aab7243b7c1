// SPDX-License-Identifier: GPL-2.0
/*
 * The decoding rules of framework/kp_decode.h, compiled as C (the language
 * of the seed API), exposed to the googletest driver for both arch tables.
 */
#include <string.h>

#include "kp_decode.h"
#include "seed_host.h"

static const struct kp_arch_table kpt_x86_64 = KP_ARCH_TABLE_X86_64;
static const struct kp_arch_table kpt_arm64 = KP_ARCH_TABLE_ARM64;

#define KPT_DEFINE(tname, T, W)                                                        \
	W kpt_word_##tname(unsigned long w)                                            \
	{                                                                             \
		return (W)KP_FROM_WORD(T, w);                                          \
	}                                                                             \
	W kpt_arg_x86_64_##tname(const void *regs, unsigned int i)                    \
	{                                                                             \
		return (W)KP_DECODE_ARG(T, &kpt_x86_64, regs, i);                      \
	}                                                                             \
	W kpt_arg_arm64_##tname(const void *regs, unsigned int i)                     \
	{                                                                             \
		return (W)KP_DECODE_ARG(T, &kpt_arm64, regs, i);                       \
	}                                                                             \
	W kpt_ret_x86_64_##tname(const void *regs)                                     \
	{                                                                             \
		return (W)KP_DECODE_RET(T, &kpt_x86_64, regs);                         \
	}                                                                             \
	W kpt_ret_arm64_##tname(const void *regs)                                      \
	{                                                                             \
		return (W)KP_DECODE_RET(T, &kpt_arm64, regs);                          \
	}
KPT_TYPES(KPT_DEFINE)

unsigned long kpt_arg_word_x86_64(const void *regs, unsigned int i)
{
	return kp_regs_arg(&kpt_x86_64, regs, i);
}

unsigned long kpt_arg_word_arm64(const void *regs, unsigned int i)
{
	return kp_regs_arg(&kpt_arm64, regs, i);
}

struct kpt_struct {
	int x;
};
union kpt_union {
	int x;
};

int kpt_decodable(const char *tname)
{
	static const struct {
		const char *name;
		int ok;
	} types[] = {
#define KPT_DECODABLE_ENTRY(tname, T, W) { #tname, KP_DECODABLE(T) },
		KPT_TYPES(KPT_DECODABLE_ENTRY)
		{ "float", KP_DECODABLE(float) },
		{ "double", KP_DECODABLE(double) },
		{ "struct", KP_DECODABLE(struct kpt_struct) },
		{ "union", KP_DECODABLE(union kpt_union) },
		{ "int128", KP_DECODABLE(__int128) },
		{ "complex", KP_DECODABLE(_Complex double) },
		{ "fnptr", KP_DECODABLE(void (*)(int)) },
	};
	unsigned int i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(types[i].name, tname))
			return types[i].ok;
	return -1;
}
