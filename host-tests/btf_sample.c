// SPDX-License-Identifier: GPL-2.0
// BTF source for host-tests/btf_test.cpp: compiled with -g, then pahole -J.
typedef unsigned long size_t;
struct sample_file {
	int flags;
	struct sample_file *next;
};
long sample_read(struct sample_file *file, char *buf, size_t count, long long *pos);
long sample_read(struct sample_file *file, char *buf, size_t count, long long *pos)
{
	return file->flags + buf[0] + (long)count + *pos;
}

// a tracepoint's BTF, as the kernel's DEFINE_EVENT leaves it: TP_PROTO(struct
// sample_file *file, unsigned int mask) behind void *ctx
typedef void (*btf_trace_sample_event)(void *, struct sample_file *, unsigned int);
btf_trace_sample_event sample_event_probe;
