/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one header the C kernel core and the C++ DSL share.
 *
 * Rules, because this is a binary boundary compiled by two languages:
 *  - plain types only: global-namespace structs, fixed-width C integer types,
 *    pointers; no enums in structs (their C and C++ underlying types may
 *    differ), no bool, no kernel typedefs;
 *  - every function type the kernel calls indirectly is spelled exactly as
 *    the kernel declares it (struct kprobe *, struct pt_regs *, ...), so that
 *    kCFI type hashes computed by the C and the C++ compiler agree;
 *  - descriptors are constant-initialised: no code runs to build them.
 */
#ifndef KP_ABI_H
#define KP_ABI_H

#ifdef __cplusplus
extern "C" {
#endif

struct fprobe;
struct kprobe;
struct kretprobe_instance;
struct pt_regs;
struct task_struct;

/* kind */
#define KP_KIND_KPROBE 1u
#define KP_KIND_KRETPROBE 2u
#define KP_KIND_TRACEPOINT 3u
/* run is called once after every probe registered at load (in registration order) */
#define KP_KIND_BEGIN 4u
/* run is called once at unload, before the first probe is unregistered */
#define KP_KIND_END 5u
/* run is called every period_ms milliseconds from a timer (softirq context) */
#define KP_KIND_INTERVAL 6u
/* an entry probe on the module's one ftrace_ops (framework/core/kp_ftrace.c) */
#define KP_KIND_FENTRY 7u
/*
 * A return probe on the cheapest mechanism the kernel has: an fprobe (its
 * entry on ftrace, its return on a rethook) where the kernel has
 * CONFIG_FPROBE (the thunks fp_entry/fp_exit), else a kretprobe (the thunks
 * entry/ret); the C++ side builds the pair the target kernel uses.
 */
#define KP_KIND_FEXIT 8u

/* flags: bits 0..15 are the core's */
/* May fail to attach (missing symbol, blacklisted, no such tracepoint):
 * then skipped (state "skipped -ERRNO") instead of failing the load. */
#define KP_F_OPTIONAL (1u << 0)
/* name NULL: derive "<kind>:<symbol>[+0xOFF]" (the C macros) instead of "<file>:<line>" */
#define KP_F_NAME_KIND_SYMBOL (1u << 1)
/*
 * KP_KIND_FENTRY: symbol is a shell pattern, matched by ftrace over
 * available_filter_functions at load; the probe attaches to every function
 * it matches (at most max_funcs), its thunk receives each one's start.
 */
#define KP_F_PATTERN (1u << 2)
#define KP_F_SYSCALL (1u << 16) /* informational: attached to a syscall entry */

/* kp::FentryMatch: how many functions a pattern may match by default, and at most. */
#define KP_PATTERN_MAX_DEFAULT 1000u
#define KP_PATTERN_MAX 65536u

/* The largest kretprobe per-call data the kernel accepts (KRETPROBE_MAX_DATA_SIZE,
 * asserted against the target kernel in framework/core/kp_layout.c). */
#define KP_KRETPROBE_MAX_DATA_SIZE 4096

typedef int kp_kprobe_pre_t(struct kprobe *, struct pt_regs *);
typedef int kp_kretprobe_handler_t(struct kretprobe_instance *, struct pt_regs *);
typedef void kp_run_t(void);
/* fprobe's entry and exit handlers (include/linux/fprobe.h, 6.5 to 6.13) */
typedef int kp_fprobe_entry_t(struct fprobe *, unsigned long, unsigned long, struct pt_regs *, void *);
typedef void kp_fprobe_exit_t(struct fprobe *, unsigned long, unsigned long, struct pt_regs *, void *);
/*
 * An ftrace entry probe's thunk, called by the core's one ftrace callback
 * (not by the kernel): func is the traced function's start (its symbol's
 * address, %pS "name+0x0/..."; not the ftrace call site, which is after an
 * x86_64 endbr64 or arm64's patched NOPs), regs the ftrace register view
 * (arch/: KP_NATIVE_FTRACE_TABLE), in a recursion-protected,
 * preemption-disabled section.
 */
typedef void kp_fentry_handler_t(unsigned long func, void *regs);

/*
 * The writable part of one probe: one object next to each descriptor, in the
 * probe's translation unit, with internal linkage and zero-initialised.  The
 * core owns its contents: handlers only pass it to kp_hit() (kp_hit.h).
 */
struct kp_probe_state {
	/*
	 * The probe's hit counter, a per-CPU (__percpu) pointer: set by the
	 * core before the probe is registered, freed only after it is
	 * unregistered and no handler can run any more.  hits[1] is the
	 * probe's busy word: the summed time of its sampled hits, one in
	 * KP_SAMPLE_EVERY (kp_hit.h; overload protection), in the core's
	 * sample unit.
	 */
	unsigned long *hits;
};

/*
 * One probe.  The registry is an array of pointers to these, in the
 * "kp_probes" section, bracketed by framework/core/kp_begin.c and kp_end.c.
 */
struct kp_probe_desc {
	unsigned int kind;		/* KP_KIND_* */
	unsigned int flags;		/* KP_F_* */
	const char *symbol;		/* function symbol or tracepoint name */
	unsigned long offset;		/* kprobe: offset into symbol */
	kp_kprobe_pre_t *pre;		/* kprobe pre_handler */
	kp_kretprobe_handler_t *entry;	/* kretprobe entry_handler (may be NULL) */
	kp_kretprobe_handler_t *ret;	/* kretprobe handler */
	/*
	 * tracepoint: the address of an object holding the probe function's
	 * address, void (*)(void *, TP_PROTO) (C++ cannot convert a function
	 * pointer to void * in a constant expression).  The core registers it
	 * with the probe's hit counter, state->hits, as its void * (NULL
	 * without a state), so that the probe counts without loading it.
	 */
	const void *tp_probe;
	unsigned int data_size;		/* kretprobe per-instance data size */
	int maxactive;			/* kretprobe: 0 = the core's default, max(15, 6 * possible CPUs) */
	const char *file;		/* where the probe was declared */
	unsigned int line;
	unsigned int seq;		/* __COUNTER__ at the declaration: increases through a translation unit */
	const void *unit;		/* one address per translation unit (object file) */
	/*
	 * The probe's name in the status file, the control file and the module
	 * parameters; unique in a module.  NULL: derived, "<file>:<line>", or
	 * "<kind>:<symbol>[+0xOFF]" with KP_F_NAME_KIND_SYMBOL.
	 */
	const char *name;
	struct kp_probe_state *state;	/* NULL: no hit counter */
	kp_run_t *run;			/* begin, end, interval: what the core calls */
	unsigned int period_ms;		/* interval: the period, >= 1 */
	kp_fentry_handler_t *fentry;	/* KP_KIND_FENTRY: the thunk */
	unsigned int max_funcs;		/* KP_F_PATTERN: at most this many functions may match */
	kp_fprobe_entry_t *fp_entry;	/* KP_KIND_FEXIT on fprobe: entry handler (may be NULL) */
	kp_fprobe_exit_t *fp_exit;	/* KP_KIND_FEXIT on fprobe: exit handler */
};

/*
 * Maps (aggregations): one descriptor per map in the "kp_maps" section,
 * bracketed like the probes' (kp_begin.c, kp_end.c).  The core allocates
 * every CPU's table at load, before any probe registers, and frees them at
 * unload after the last handler finished.  Layout of one CPU's table, in
 * 64-bit words: [0] updates dropped (the table was full), then capacity
 * slots of 1 + key_words + val_words words: a tag (0 empty, KP_MAP_TAG_BUSY
 * being claimed, odd: published, the key's hash | 1), the key, the value.
 * The hot path is framework/kp_map.h; the core's reader merges the tables.
 */
#define KP_MAP_COUNT 1u	      /* val: [count] */
#define KP_MAP_SUM 2u	      /* val: [sum] */
#define KP_MAP_MIN 3u	      /* val: [min] */
#define KP_MAP_MAX 4u	      /* val: [max] */
#define KP_MAP_AVG 5u	      /* val: [count, sum] */
#define KP_MAP_HIST_LOG2 6u   /* val: KP_MAP_LOG2_BUCKETS counts */
#define KP_MAP_HIST_LINEAR 7u /* val: 2 + ceil((max - min) / step) counts */

/* (..., 0), [0], [1], [2, 4), ... [2^62, 2^63) */
#define KP_MAP_LOG2_BUCKETS 65u
#define KP_MAP_KEY_MAX_WORDS 8u
#define KP_MAP_TAG_BUSY 2ull

/* The writable part of one map: set by the core at load. */
struct kp_map_state {
	/* __percpu: every CPU's pointer to its own table (kvzalloc'd on its node) */
	void **tables;
};

struct kp_map_desc {
	const char *name;	/* unique in a module: /sys/kernel/debug/kp-<module>/maps/<name> */
	unsigned int kind;	/* KP_MAP_* */
	unsigned int capacity;	/* keys per CPU table */
	unsigned int key_words; /* 0: unkeyed, one slot */
	unsigned int val_words;
	/*
	 * One character per key field, how to print it: 'd' signed integer,
	 * 'u' unsigned, 'c' a task comm (two words, NUL-padded).  "" unkeyed.
	 */
	const char *key_fmt;
	long long lin_min, lin_max, lin_step; /* KP_MAP_HIST_LINEAR */
	const char *file;		      /* where the map was declared */
	unsigned int line;
	struct kp_map_state *state;
};

/* --- services of the kernel core, callable from C++ probe handlers --- */

/* printk at KERN_INFO, prefixed with "<module>: ". */
void kp_printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * One line (fmt ends with its own "\n") into the module's ftrace instance,
 * /sys/kernel/tracing/instances/<module>/trace (framework/core/kp_output.c):
 * the kernel's vsnprintf formats, the lock-free ring buffer stores; callable
 * from any handler.  printk (KERN_INFO, "<module>: ") instead with the
 * module parameter output=printk or where the kernel has no instances.
 */
void kp_trace_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kp_trace_vprintf(const char *fmt, __builtin_va_list args) __attribute__((format(printf, 1, 0)));

/* Copies n bytes from a kernel address without faulting; 0 or -EFAULT. */
long kp_read_kernel(void *dst, const void *src, unsigned long n);
/* Copies n bytes from a user address without faulting; 0 or -EFAULT. */
long kp_read_user(void *dst, const void *usrc, unsigned long n);
/*
 * Copies at most n bytes from a user address without faulting, page by
 * page: returns how many were copied (n, or fewer up to the first page that
 * faulted; 0 if none could be).
 */
long kp_read_user_bytes(void *dst, const void *usrc, unsigned long n);
/*
 * Copies a NUL-terminated user string of at most size-1 bytes into dst
 * (always terminated); returns its length, or -EFAULT (dst is then "").
 */
long kp_read_user_str(char *dst, const void *usrc, unsigned long size);
/* The same for a kernel string (copy_from_kernel_nofault). */
long kp_read_kernel_str(char *dst, const void *src, unsigned long size);

/*
 * The probe context (framework/kp/context.hpp says which kernel function
 * each wraps and in which context it may be called: all of them in every
 * probe context, NMI included; none sleeps, locks or allocates).
 */
int kp_current_pid(void);	/* thread id */
int kp_current_tgid(void);	/* process id */
/* Copies the current task's comm (at most 16 bytes with the NUL). */
void kp_current_comm(char *dst, unsigned long size);
unsigned int kp_current_uid(void);	/* real uid, in the initial user namespace */
unsigned int kp_current_gid(void);	/* real gid, in the initial user namespace */
unsigned int kp_cpu(void);		/* the CPU the handler runs on */
unsigned long long kp_time_ns(void);	/* CLOCK_MONOTONIC, ns */
int kp_task_pid(const struct task_struct *task);
int kp_task_tgid(const struct task_struct *task);
void kp_task_comm(const struct task_struct *task, char *dst, unsigned long size);
unsigned int kp_task_uid(const struct task_struct *task);
unsigned int kp_task_gid(const struct task_struct *task);

/*
 * Saves the current kernel stack, innermost first, into entries[0..max):
 * returns how many were saved (stack_trace_save; kp_stack_save itself is
 * not among them).
 */
unsigned int kp_stack_save(unsigned long *entries, unsigned int max);
/* Formats n return addresses as "%pS %pS ..." into buf; returns the length. */
int kp_stack_format(char *buf, unsigned long size, const unsigned long *entries, unsigned int n);

#ifdef __cplusplus
}
#endif

#endif
