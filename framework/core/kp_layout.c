// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-time proof that the arch/ mirrors of struct pt_regs match the
 * kernel this module is being built for.  A layout drift is a build error
 * here, never a wrong argument value at run time.
 */
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/kprobes.h>
#include <asm/ptrace.h>

#include "../../arch/kp_arch.h"
#include "../kp_abi.h"

static_assert(KP_KRETPROBE_MAX_DATA_SIZE == KRETPROBE_MAX_DATA_SIZE,
	      "kp_abi.h: KP_KRETPROBE_MAX_DATA_SIZE differs from the kernel's KRETPROBE_MAX_DATA_SIZE");

/* The fields each arch header lists in KP_<ARCH>_LAYOUT (its KP_NATIVE_LAYOUT). */
#define KP_SAME_OFFSET(field)                                                           \
	static_assert(offsetof(struct pt_regs, field) == offsetof(kp_native_regs, field),  \
		      "arch/ mirror of struct pt_regs: offset of " #field " differs from the kernel's");
#define KP_SAME_SIZE(field)                                                             \
	static_assert(sizeof(((struct pt_regs *)0)->field) ==                               \
			      sizeof(((kp_native_regs *)0)->field),                         \
		      "arch/ mirror of struct pt_regs: size of " #field " differs from the kernel's");
#define KP_FIELD(field) KP_SAME_OFFSET(field) KP_SAME_SIZE(field)
#define KP_UNION_FIELD(field) KP_SAME_OFFSET(field)

KP_NATIVE_LAYOUT(KP_FIELD, KP_UNION_FIELD)

#if KP_NATIVE_MIRRORS_WHOLE_STRUCT
static_assert(sizeof(struct pt_regs) == sizeof(kp_native_regs),
	      "arch/ mirror of struct pt_regs: size differs from the kernel's");
#else
static_assert(sizeof(struct pt_regs) >= sizeof(kp_native_regs),
	      "arch/ mirror of struct pt_regs: larger than the kernel's");
#endif

/*
 * The ftrace register view entry probes read (framework/core/kp_ftrace.c):
 * KP_FTRACE_WITH_ARGS (Kbuild) must say what the kernel has, and the view's
 * mirror (arch/<arch>/: KP_NATIVE_FTRACE_TABLE) must match the kernel's
 * struct: struct __arch_ftrace_regs where the kernel has it (6.12), struct
 * ftrace_regs before; a wrapped pt_regs (x86_64) at offset 0.
 */
#include <linux/ftrace.h>
#include <linux/version.h>

static_assert(KP_FTRACE_WITH_ARGS == IS_ENABLED(CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS),
	      "Kbuild: KP_FTRACE_WITH_ARGS differs from the kernel's CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS");
#ifdef arch_ftrace_regs
#define KP_KERNEL_FREGS struct __arch_ftrace_regs
#else
#define KP_KERNEL_FREGS struct ftrace_regs
#endif
#if defined(KP_NATIVE_FTRACE_PT_REGS) && KP_FTRACE_WITH_ARGS
/* the view is the pt_regs the ftrace_regs wraps (x86_64) */
static_assert(offsetof(KP_KERNEL_FREGS, regs) == 0 &&
		      sizeof(((KP_KERNEL_FREGS *)0)->regs) == sizeof(struct pt_regs),
	      "arch/: the kernel's ftrace_regs is not a wrapped struct pt_regs");
#elif defined(KP_NATIVE_FTRACE_PT_REGS)
/* without WITH_ARGS the core asks for FTRACE_OPS_FL_SAVE_REGS: ftrace_get_regs() is a pt_regs */
static_assert(IS_ENABLED(CONFIG_DYNAMIC_FTRACE_WITH_REGS),
	      "kprobe-template: entry probes on ftrace need DYNAMIC_FTRACE_WITH_ARGS or WITH_REGS");
#else
#define KP_SAME_FOFFSET(field)                                                              \
	static_assert(offsetof(KP_KERNEL_FREGS, field) == offsetof(kp_native_ftrace_regs, field) && \
			      sizeof(((KP_KERNEL_FREGS *)0)->field) ==                        \
				      sizeof(((kp_native_ftrace_regs *)0)->field),           \
		      "arch/ mirror of the ftrace register view: " #field " differs from the kernel's");
KP_NATIVE_FTRACE_LAYOUT(KP_SAME_FOFFSET)
static_assert(sizeof(KP_KERNEL_FREGS) == sizeof(kp_native_ftrace_regs),
	      "arch/ mirror of the ftrace register view: size differs from the kernel's");
#endif

#ifdef CONFIG_ARM64
/*
 * The hit counter's alternative (arch/arm64: kp_arm64_percpu_offset) writes
 * an .altinstructions entry by hand, as the kernel's ALTINSTR_ENTRY does:
 * two s32 offsets, the u16 cpucap, the u8 lengths; and its cap number is
 * ARM64_HAS_VIRT_HOST_EXTN (generated/kp_offsets.h takes it from here).
 */
#include <asm/alternative.h>
static_assert(sizeof(struct alt_instr) == 12 && offsetof(struct alt_instr, alt_offset) == 4 &&
		      offsetof(struct alt_instr, orig_len) == 10 &&
		      offsetof(struct alt_instr, alt_len) == 11,
	      "arch/arm64: struct alt_instr differs from the entry kp_arm64_percpu_offset() writes");
#endif
