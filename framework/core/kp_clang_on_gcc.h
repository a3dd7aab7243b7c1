/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included (after the kernel's kconfig.h) into every C file when clang
 * builds against a kernel configured for gcc (the Makefile adds it).
 *
 * x86 6.8+: a gcc kernel accesses per-CPU data through gcc's named address
 * space __seg_gs (CONFIG_USE_X86_SEG_SUPPORT, which Kconfig never enables for
 * clang).  clang accepts __seg_gs but miscompiles read-modify-write per-CPU
 * operations: `__preempt_count += 1` loses its %gs prefix and faults (seen
 * in preempt_disable() of a module tracepoint on Debian 6.12).  Use the
 * inline-asm per-CPU accessors, as a clang-built kernel does: the same
 * memory, the same exported per-CPU symbols.
 */
#undef CONFIG_CC_HAS_NAMED_AS
#undef CONFIG_USE_X86_SEG_SUPPORT
#undef CONFIG_CC_HAS_NAMED_AS_FIXED_SANITIZERS
