// SPDX-License-Identifier: GPL-2.0
/*
 * The BPF side of the per-hit benchmark: the work of bench/kp_bench.h as
 * BPF users write it (one per-CPU array slot counts the hits, a global
 * holds the value), on the hot paths of kp_bench_target.ko and umask(2).
 * One object, every program; the loader (kp_bpf.c) loads and attaches the
 * one it is asked for.  Built with clang -target bpf -O2 -g against the
 * target kernel's vmlinux.h (bpftool btf dump ... format c).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

__u64 last;

static __always_inline void work(__u64 v)
{
	__u32 zero = 0;
	__u64 *h = bpf_map_lookup_elem(&hits, &zero);

	if (h)
		*h += 1;
	last = v;
}

SEC("kprobe/kp_bench_fn")
int BPF_KPROBE(kprobe_fn, unsigned long i, int tag)
{
	work(i + tag);
	return 0;
}

SEC("kretprobe/kp_bench_fn")
int BPF_KRETPROBE(kretprobe_fn, unsigned long ret)
{
	work(ret);
	return 0;
}

/* BTF-typed arguments (unsigned long i, int tag): kp_bench_fn's and the tracepoint's */
#define KP_BENCH_BTF_PROG(sec, name)                                  \
	SEC(sec) int BPF_PROG(name, unsigned long i, int tag)         \
	{                                                             \
		work(i + tag);                                        \
		return 0;                                             \
	}
KP_BENCH_BTF_PROG("fentry/kp_bench_fn", fentry_fn)

SEC("fexit/kp_bench_fn")
int BPF_PROG(fexit_fn, unsigned long i, int tag, unsigned long ret)
{
	work(ret);
	return 0;
}

KP_BENCH_BTF_PROG("raw_tp/kp_bench_hit", raw_tp_hit)

/* the trace event's record (bench/target/kp_bench_target_trace.h) */
struct kp_bench_hit_record {
	struct trace_entry ent;
	unsigned long i;
	int tag;
};

SEC("tp/kp_bench/kp_bench_hit")
int tp_hit(struct kp_bench_hit_record *ctx)
{
	work(ctx->i + ctx->tag);
	return 0;
}

/* what libbpf users write for a syscall: a kprobe on the wrapper, arguments via CO-RE */
SEC("ksyscall/umask")
int BPF_KSYSCALL(ksyscall_umask, int mask)
{
	work(mask);
	return 0;
}

/* fentry on the wrapper: the user's registers are a BTF pointer, read directly */
#if defined(__TARGET_ARCH_x86)
SEC("fentry/__x64_sys_umask")
int BPF_PROG(fentry_umask, struct pt_regs *regs)
{
	work((int)regs->di);
	return 0;
}
#elif defined(__TARGET_ARCH_arm64)
SEC("fentry/__arm64_sys_umask")
int BPF_PROG(fentry_umask, struct pt_regs *regs)
{
	work((int)regs->regs[0]);
	return 0;
}
#endif

char LICENSE[] SEC("license") = "GPL";
