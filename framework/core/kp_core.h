/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the kernel core's files share (kp_main.c, kp_status.c): kernel
 * code only.
 */
#ifndef KP_CORE_H
#define KP_CORE_H

#include <linux/module.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <linux/version.h>

#include "kp_control.h"

/*
 * The core's objects are compiled once per build and linked into every
 * module of it (Kbuild: "the core, once"), so KBUILD_MODNAME is not this
 * module's name: the name is THIS_MODULE's, read at run time, and the core's
 * messages take it as their prefix ("kp_tests: ...").  tools/kbench fails a
 * build of the VM modules that compiles the core more than once.
 */
#define kp_modname() (THIS_MODULE->name)
#define kp_err(fmt, ...) printk(KERN_ERR "%s: " fmt, kp_modname(), ##__VA_ARGS__)
#define kp_warn(fmt, ...) printk(KERN_WARNING "%s: " fmt, kp_modname(), ##__VA_ARGS__)
#define kp_info(fmt, ...) printk(KERN_INFO "%s: " fmt, kp_modname(), ##__VA_ARGS__)

/*
 * kp::Fexit (KP_KIND_FEXIT) rides an fprobe where the kernel has one with
 * the handler types of kp_abi.h (pt_regs and entry data: 6.5 to 6.13;
 * 6.14's fprobe is on fgraph and passes ftrace_regs), else a kretprobe.
 */
#if defined(CONFIG_FPROBE) && LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0) && \
	LINUX_VERSION_CODE < KERNEL_VERSION(6, 14, 0)
#define KP_FEXIT_ON_FPROBE 1
#else
#define KP_FEXIT_ON_FPROBE 0
#endif

/* The module's registry (kp_main.c). */
extern struct kp_registry kp_module_registry;

/*
 * The kernel's numbers for probe begin[idx]'s status line: hits, missed,
 * maxactive, the resolved address (%pS) or a skip's errno name (%pe),
 * written into text (size bytes) that v then points into.
 */
void kp_backend_status(unsigned int idx, struct kp_status_vals *v, char *text, size_t size);

/*
 * Overload (kp_overload.c): disables probe begin[idx] under the control
 * lock, with the line saying why (kp_registry_overload); whether it is
 * enabled now (kp_status.c).
 */
void kp_status_overload(unsigned int idx, unsigned int cpu, unsigned int percent,
			unsigned int ms, unsigned int limit);
int kp_status_enabled(unsigned int idx);
/* Overload protection (kp_overload.c): per-CPU handler time of n probes. */
int kp_overload_init(unsigned int n, unsigned long __percpu *hits);
void kp_overload_start(void);
void kp_overload_stop(void);
void kp_overload_free(void);

/* /sys/kernel/debug/kp-<module>/{probes,control} (kp_status.c). */
void kp_status_init(struct kp_registry *r);
void kp_status_exit(void);
/* The directory /sys/kernel/debug/kp-<module>/ (an error pointer if debugfs failed). */
struct dentry *kp_status_debugfs_dir(void);

/*
 * Maps (kp_maps.c): validated and allocated before the probes register
 * (0 or -errno, nothing left allocated on failure); their debugfs files
 * under dir; at unload, after the last handler, summarised and freed.
 */
int kp_maps_init(void);
void kp_maps_debugfs(struct dentry *dir);
/* At unload: each map's text into the trace instance, one dmesg line each, freed. */
void kp_maps_exit(void);
/* A failed load: freed without a word. */
void kp_maps_free(void);

/*
 * The module's trace instance (kp_output.c): init before the first probe
 * registers (0 or -errno: a bad output= parameter), exit after the last
 * handler ran.
 */
int kp_output_init(void);
void kp_output_exit(void);

#endif
