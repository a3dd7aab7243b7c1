// SPDX-License-Identifier: GPL-2.0
/*
 * The seed's macros (framework/kprobe.h) expanded on the host, with the
 * register table of one architecture: compiled once per arch
 * (-DKPT_ARCH_ARM64=0|1), every probed "function" name and record gets the
 * arch's suffix.  The driver (seed_test.cpp) finds the descriptors in the
 * "kp_probes" section and calls the generated kernel-facing handlers with
 * fake registers.
 *
 * Each case is a regression test for one of the seed's defects:
 *  1 KRETPROBE_ENTRY_HANDLER_DEFINE0 (kpt_zero): compiles, runs;
 *  2 kprobe + kretprobe on one function in one file (kpt_zero, kpt_many);
 *  3 bool from the low byte (kpt_many's c, kpt_zero's return value);
 *  4 kprobe bodies return non-zero here; the pre_handler must return 0;
 *  5 (compile-fail/, kbuild/bad/: a non-zero kretprobe offset);
 *  6 long private data (kpt_zero, kpt_off0): data_size = sizeof(long).
 */
#include <stdbool.h>
#include <stddef.h>

#include "seed_host.h"

#define KP_HOST_TEST 1
#if KPT_ARCH_ARM64
#define KPT(name) name##_arm64
static const struct kp_arch_table kpt_table = KP_ARCH_TABLE_ARM64;
#else
#define KPT(name) name##_x86_64
static const struct kp_arch_table kpt_table = KP_ARCH_TABLE_X86_64;
#endif
#define KP_C_TABLE (&kpt_table)
#include "kprobe.h"

#define KPT_REC(name) KPT(kpt_rec_##name)
KPT_RECORDS(KPT_DECLARE_RECORD)
#define KPT_DEFINE_RECORD(name) struct kpt_record KPT_REC(name);
KPT_RECORDS(KPT_DEFINE_RECORD)

/* ---- a kprobe with six arguments of every category; non-zero result ---- */
KPROBE_HANDLER_DEFINE6(KPT(kpt_many), signed char, a, short, b, bool, c, enum kpt_neg, d,
		       unsigned int, e, const char *, f)
{
	struct kpt_record *r = &KPT_REC(many);

	r->calls++;
	r->v[0] = a;
	r->v[1] = b;
	r->v[2] = c;
	r->v[3] = d;
	r->v[4] = e;
	r->p = (unsigned long long)(unsigned long)f;
	return 1;	/* the seed passed this to the kernel: "skip single-step" */
}

/* the offset form on the same function: raw registers, read through the table */
KPROBE_HANDLER_DEFINE_OFFSET(KPT(kpt_many), 0x10, struct pt_regs *, regs)
{
	struct kpt_record *r = &KPT_REC(many_offset);

	r->calls++;
	r->v[0] = KP_C_ARG(int, regs, 0);
	r->v[1] = KP_C_ARG(bool, regs, 2);
	r->v[2] = (long long)KP_C_ARG_REG(regs, 3);
	r->v[3] = (long long)KP_C_ARG_REG(regs, 99);	/* no such register: 0 */
	return -1;
}

/* ---- defect 1 + 2 + 6: DEFINE0 kprobe and kretprobe on one function, long data ---- */
KPROBE_HANDLER_DEFINE0(KPT(kpt_zero))
{
	KPT_REC(zero).calls++;
	return 1;
}

KRETPROBE_ENTRY_HANDLER_DEFINE0(KPT(kpt_zero), long, slot)
{
	struct kpt_record *r = &KPT_REC(zero_entry);

	r->calls++;
	r->p = (unsigned long long)slot;	/* the address of the per-call slot */
	r->slot = *(long *)slot;		/* zero-filled before the body runs */
	*(long *)slot = 0x5eed;
	return r->entry_result;
}

KRETPROBE_RET_HANDLER_DEFINE(KPT(kpt_zero), long, slot, bool, ret)
{
	struct kpt_record *r = &KPT_REC(zero_ret);

	r->calls++;
	r->p = (unsigned long long)slot;
	r->slot = *(long *)slot;
	r->ret = ret;
	return 7;	/* ignored */
}

/* ---- a kretprobe with a structure as private data ---- */
KRETPROBE_ENTRY_HANDLER_DEFINE2(KPT(kpt_pair), struct kpt_pair_call *, call, int, x, bool, flag)
{
	struct kpt_record *r = &KPT_REC(pair_entry);

	r->calls++;
	r->v[0] = x;
	r->v[1] = flag;
	r->p = (unsigned long long)(unsigned long)call;
	call->x = x;
	call->flag = flag;
	call->stamp = 42;
	return x < 0;	/* non-zero: no return handler for this call */
}

KRETPROBE_RET_HANDLER_DEFINE(KPT(kpt_pair), struct kpt_pair_call *, call, const void *, ret)
{
	struct kpt_record *r = &KPT_REC(pair_ret);

	r->calls++;
	r->v[0] = call->x;
	r->v[1] = call->flag;
	r->v[2] = call->stamp;
	r->ret = (long long)(unsigned long)ret;
	return 0;
}

/* ---- the offset form of the entry handler, at offset 0 (the only one allowed) ---- */
KRETPROBE_ENTRY_HANDLER_DEFINE_OFFSET(KPT(kpt_off0), 0, long, slot, struct pt_regs *, regs)
{
	KPT_REC(off0_entry).calls++;
	*(long *)slot = (long)KP_C_ARG_REG(regs, 1);
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(KPT(kpt_off0), long, slot, short, ret)
{
	KPT_REC(off0_ret).calls++;
	KPT_REC(off0_ret).slot = *(long *)slot;
	KPT_REC(off0_ret).ret = ret;
	return 0;
}

/* ---- a tracepoint ---- */
TRACEPOINT_HANDLER_DEFINE(KPT(kpt_tp), int sig, const char *what)
{
	KPT_REC(tp).calls++;
	KPT_REC(tp).v[0] = sig;
	KPT_REC(tp).p = (unsigned long long)(unsigned long)what;
	KPT_REC(tp).ret = priv == NULL;
}

/* ---- DEFINE1..5 and entry DEFINE1/6: every position of every macro ---- */
KPROBE_HANDLER_DEFINE1(KPT(kpt_d1), unsigned char, a)
{
	KPT_REC(d1).calls++;
	KPT_REC(d1).v[0] = a;
	return 0;
}

KPROBE_HANDLER_DEFINE2(KPT(kpt_d2), long, a, unsigned short, b)
{
	KPT_REC(d2).calls++;
	KPT_REC(d2).v[0] = a;
	KPT_REC(d2).v[1] = b;
	return 0;
}

KPROBE_HANDLER_DEFINE3(KPT(kpt_d3), int, a, int, b, enum kpt_small, c)
{
	KPT_REC(d3).calls++;
	KPT_REC(d3).v[0] = a;
	KPT_REC(d3).v[1] = b;
	KPT_REC(d3).v[2] = c;
	return 0;
}

KPROBE_HANDLER_DEFINE4(KPT(kpt_d4), char, a, short, b, bool, c, unsigned long, d)
{
	KPT_REC(d4).calls++;
	KPT_REC(d4).v[0] = a;
	KPT_REC(d4).v[1] = b;
	KPT_REC(d4).v[2] = c;
	KPT_REC(d4).v[3] = (long long)d;
	return 0;
}

KPROBE_HANDLER_DEFINE5(KPT(kpt_d5), int, a, int, b, int, c, int, d, signed char, e)
{
	KPT_REC(d5).calls++;
	KPT_REC(d5).v[0] = a;
	KPT_REC(d5).v[1] = b;
	KPT_REC(d5).v[2] = c;
	KPT_REC(d5).v[3] = d;
	KPT_REC(d5).v[4] = e;
	return 0;
}

KRETPROBE_ENTRY_HANDLER_DEFINE1(KPT(kpt_e1), long, slot, int, a)
{
	(void)slot;
	KPT_REC(e1).calls++;
	KPT_REC(e1).v[0] = a;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(KPT(kpt_e1), long, slot, int, ret)
{
	(void)slot;
	(void)ret;
	return 0;
}

KRETPROBE_ENTRY_HANDLER_DEFINE6(KPT(kpt_e6), struct kpt_pair_call *, call, bool, a, short, b,
				unsigned int, c, long, d, enum kpt_big, e, unsigned char, f)
{
	KPT_REC(e6).calls++;
	KPT_REC(e6).v[0] = a;
	KPT_REC(e6).v[1] = b;
	KPT_REC(e6).v[2] = c;
	KPT_REC(e6).v[3] = d;
	KPT_REC(e6).v[4] = e;
	KPT_REC(e6).v[5] = f;
	call->x = b;
	return 0;
}

KRETPROBE_RET_HANDLER_DEFINE(KPT(kpt_e6), struct kpt_pair_call *, call, unsigned char, ret)
{
	KPT_REC(e6_ret).calls++;
	KPT_REC(e6_ret).v[0] = call->x;
	KPT_REC(e6_ret).ret = ret;
	return 0;
}
