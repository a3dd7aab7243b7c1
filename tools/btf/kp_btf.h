/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/btf: the target kernel's BTF read with libbpf (btf__parse and
 * friends), for tools/kp-btf: list functions and tracepoints with their
 * prototypes, write a ready probe file for one of them.  A host library, so
 * that host-tests/btf_test.cpp runs the same code on BTF it builds.
 */
#ifndef KP_BTF_H
#define KP_BTF_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

struct btf;

/* The BTF at PATH: an ELF with .BTF (vmlinux, a decompressed vmlinuz) or a
 * raw blob (/sys/kernel/btf/vmlinux, bench/extract-btf's output).  NULL and
 * a message on ERR when it does not parse. */
struct btf *kpb_open(const char *path, FILE *err);

/* Every function and tracepoint whose name matches the fnmatch PATTERN, one
 * a line, sorted by name:
 *   func int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
 *   tracepoint sched_process_exec(struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
 * Returns the number of lines. */
int kpb_list(const struct btf *btf, const char *pattern, FILE *out);

/* The C prototype of function NAME (the tracepoint's TP_PROTO with
 * KPB_TRACEPOINT) into BUF; 0, or -1 when BTF has no such symbol. */
#define KPB_TRACEPOINT 1u
#define KPB_RETURN 2u /* scaffold: a kretprobe with kp::Returns<R> */
int kpb_prototype(const struct btf *btf, const char *name, unsigned flags, char *buf,
		  size_t size);

/* A probe file for SYMBOL (a function: kp::Kprobe, with KPB_RETURN a
 * kp::Kretprobe; with KPB_TRACEPOINT the tracepoint SYMBOL) on OUT: the exact
 * kp::Args<...> (kernel scalar names of framework/kp/types.hpp, structs as
 * forward-declared pointers, kp::User<T *> for BTF's "user" type tags) and a
 * handler that prints every argument.  0, or -1 with one line on ERR. */
int kpb_scaffold(const struct btf *btf, const char *symbol, unsigned flags, FILE *out,
		 FILE *err);

/* The build-time check: every probe record of framework/kp/btf_types.hpp
 * (section .kp_types of a compiled object) compared with BTF.  One line per
 * finding on ERR ("FILE:LINE: error: ..." or "FILE:LINE: warning: ..."); the
 * number of errors (warnings do not count).  kpb_check_object: the records of
 * ELF object PATH; -1 when it cannot be read. */
int kpb_check_records(const struct btf *btf, const char *records, size_t len, FILE *err);
int kpb_check_object(const struct btf *btf, const char *path, FILE *err);

/* Field reads (framework/kp/fields.hpp): the kp_fields::off<...> symbols
 * that the N objects refer to, resolved in BTF (NULL: none available), as
 * assembler source on OUT defining each one (the offset of every hop).  One
 * line per error on ERR ("OBJECT: error: ..."); the number of errors. */
int kpb_fields(const struct btf *btf, char *const *objs, int n, FILE *out, FILE *err);
/* One key "STRUCT|PATH|TOKEN": its offsets (one per hop) into OFF; the
 * number of hops, or -1 with the reason in WHY. */
int kpb_resolve_field(const struct btf *btf, const char *key, unsigned long *off, int max,
		      char *why, size_t why_size);

/* Struct fields the module's C core reads from a private kernel struct
 * (kp_ftrace.c: struct ftrace_hash): each SPEC "NAME=STRUCT.FIELD" becomes
 * "#define NAME_OFFSET n" and "#define NAME_SIZE n" on OUT, or a comment
 * when BTF is NULL or has no such field (the core then goes without).
 * kpb_member: one field's byte offset and size; 0, or -1 when not there. */
int kpb_offsets(const struct btf *btf, char *const *specs, int n, FILE *out, FILE *err);
int kpb_member(const struct btf *btf, const char *sname, const char *field, unsigned long *off,
	       unsigned long *size);

#ifdef __cplusplus
}
#endif
#endif
