// SPDX-License-Identifier: GPL-2.0
// Host tests of the seed's C macro API (framework/kprobe.h, kp_decode.h):
//  - the C decoding rules agree with the C++ DSL's (framework/kp/decode.hpp)
//    and with expected values, for every type category, with garbage in the
//    upper register bits, on both arch tables;
//  - the macros, expanded by the C compiler (decode_cases.c, macros.c),
//    generate descriptors the registry accepts and handlers that decode
//    correctly; one test per seed defect (see macros.c).
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "seed_host.h"
#include "core/kp_registry.h"
#include "kp/decode.hpp"
#include "../support/arches.h"

// ---- the kernel services the C code calls ------------------------------------

namespace {
const unsigned char *fault_lo, *fault_hi;
unsigned long kernel_reads;

struct backend_call {
	std::string op;
	const kp_probe_desc *d;
};
std::vector<backend_call> backend_log;
std::vector<std::string> invalid_log;
} // namespace

extern "C" {
long kp_read_kernel(void *dst, const void *src, unsigned long n)
{
	auto s = static_cast<const unsigned char *>(src);
	kernel_reads++;
	if (fault_lo && s < fault_hi && s + n > fault_lo) {
		std::memset(dst, 0x5a, n);
		return -14;
	}
	std::memcpy(dst, src, n);
	return 0;
}

int kp_backend_register(const kp_probe_desc *d, unsigned int)
{
	backend_log.push_back({"register", d});
	return 0;
}
void kp_backend_unregister(const kp_probe_desc *d, unsigned int)
{
	backend_log.push_back({"unregister", d});
}
void kp_backend_sync(int) {}
// overload sampling (kp_hit.h): the macros' probes here have no counter
unsigned long long kp_sample_begin(void) { return 0; }
void kp_sample_end(unsigned long *, unsigned long long) {}
void kp_backend_report_invalid(const kp_probe_desc *d, const char *why, const kp_probe_desc *)
{
	invalid_log.push_back(std::string(d && d->symbol ? d->symbol : "?") + ": " + why);
}
}

namespace {

// ---- decoding rules ------------------------------------------------------------

using x86 = kp::arch::x86_64;
using a64 = kp::arch::arm64;

// Words with garbage above the bits a narrow type keeps.
const unsigned long words[] = {
	0x0UL,
	0x1UL,
	0xffUL,
	0x100UL,
	0xffffffffffffff00UL,
	0xffffffffffffff01UL,
	0xdeadbeefcafe8081UL,
	0x123456789abcdeffUL,
	0x8000000000000000UL,
	0x7fffffff80000000UL,
	0xffffffff00000007UL,
	0xffffffffffffffffUL,
};

template <class T, class W> W cxx_word(unsigned long w)
{
	return static_cast<W>(kp::from_word<T>(w));
}

template <> unsigned long long cxx_word<const void *, unsigned long long>(unsigned long w)
{
	return reinterpret_cast<unsigned long>(kp::from_word<const void *>(w));
}

TEST(SeedDecode, EveryCategoryAgreesWithTheCxxRules)
{
	for (unsigned long w : words) {
		SCOPED_TRACE(::testing::Message() << std::hex << "word 0x" << w);
#define KPT_CHECK_WORD(tname, T, W) EXPECT_EQ(kpt_word_##tname(w), (cxx_word<T, W>(w))) << #tname;
		KPT_TYPES(KPT_CHECK_WORD)
	}
}

TEST(SeedDecode, ExpectedValuesWithGarbageUpperBits)
{
	const unsigned long w = 0xdeadbeefcafe8081UL;

	EXPECT_EQ(kpt_word_s8(w), -127);
	EXPECT_EQ(kpt_word_u8(w), 0x81u);
	EXPECT_EQ(kpt_word_s16(w), -32639);
	EXPECT_EQ(kpt_word_u16(w), 0x8081u);
	EXPECT_EQ(kpt_word_s32(w), -889290623);
	EXPECT_EQ(kpt_word_u32(w), 0xcafe8081u);
	EXPECT_EQ(kpt_word_s64(w), -0x2152411035017f7fLL);
	EXPECT_EQ(kpt_word_u64(w), 0xdeadbeefcafe8081ULL);
	EXPECT_EQ(kpt_word_esmall(w), 0xcafe8081LL);	// unsigned int underlying
	EXPECT_EQ(kpt_word_eneg(w), -889290623);	// int underlying
	EXPECT_EQ(kpt_word_ebig(w), -0x2152411035017f7fLL);	// 64-bit underlying
	EXPECT_EQ(kpt_word_ptr(w), 0xdeadbeefcafe8081ULL);	// full register
	EXPECT_EQ(kpt_word_s16(0xffffffffffff7fffUL), 32767);
	EXPECT_EQ(kpt_word_s32(0x00000000ffffffffUL), -1);
	EXPECT_EQ(kpt_word_u32(0xffffffff00000007UL), 7u);
}

// Defect 3: the seed decoded bool from the whole register ((bool)regs->si).
TEST(SeedDecode, BoolIsTheLowByte)
{
	EXPECT_EQ(kpt_word_bool(0xffffffffffffff00UL), 0);	// the seed: true
	EXPECT_EQ(kpt_word_bool(0x100UL), 0);			// the seed: true
	EXPECT_EQ(kpt_word_bool(0xabcdef0000000001UL), 1);
	EXPECT_EQ(kpt_word_bool(0x80UL), 1);
	EXPECT_EQ(kpt_word_bool(0), 0);
}

TEST(SeedDecode, OnlyRegisterSizedScalarsAreDecodable)
{
	for (const char *t : {"s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "char", "bool",
			      "esmall", "eneg", "ebig", "ptr", "fnptr"})
		EXPECT_EQ(kpt_decodable(t), 1) << t;
	for (const char *t : {"float", "double", "struct", "union", "int128", "complex"})
		EXPECT_EQ(kpt_decodable(t), 0) << t;
}

// A pt_regs mirror with a distinct garbage-laden value in every field.
template <class Regs> Regs garbage_regs(unsigned long seed)
{
	Regs r;
	auto *f = reinterpret_cast<unsigned long *>(&r);
	for (unsigned i = 0; i < sizeof(r) / sizeof(unsigned long); i++)
		f[i] = (0xa5a5a5a5UL << 32 | seed << 16) + 0x100 * i + 0x81;
	return r;
}

template <class Arch, unsigned... I>
void expect_args_agree(const typename Arch::regs &r, unsigned long (*c_word)(const void *, unsigned),
		       std::integer_sequence<unsigned, I...>)
{
	auto one = [&](unsigned i, unsigned long cxx) { EXPECT_EQ(c_word(&r, i), cxx) << "arg " << i; };
	(one(I, kp::function_arg<Arch, unsigned long, I>(&r)), ...);
}

TEST(SeedDecode, X86_64ArgumentRegistersAreTheFunctionCallOnes)
{
	auto r = garbage_regs<kp_x86_64_regs>(1);
	const unsigned long expected[] = {r.di, r.si, r.dx, r.cx, r.r8, r.r9};

	for (unsigned i = 0; i < 6; i++)
		EXPECT_EQ(kpt_arg_word_x86_64(&r, i), expected[i]) << "arg " << i;
	// The seed read the 4th argument of a plain function from r10 (the syscall register).
	EXPECT_NE(kpt_arg_word_x86_64(&r, 3), r.r10);
	EXPECT_EQ(kpt_ret_x86_64_u64(&r), r.ax);
	expect_args_agree<x86>(r, kpt_arg_word_x86_64, std::make_integer_sequence<unsigned, 6>{});
}

TEST(SeedDecode, Arm64ArgumentRegistersAreX0ToX7)
{
	auto r = garbage_regs<kp_arm64_regs>(2);

	for (unsigned i = 0; i < 8; i++)
		EXPECT_EQ(kpt_arg_word_arm64(&r, i), r.regs[i]) << "arg " << i;
	EXPECT_NE(kpt_arg_word_arm64(&r, 0), r.orig_x0);
	EXPECT_EQ(kpt_ret_arm64_u64(&r), r.regs[0]);
	expect_args_agree<a64>(r, kpt_arg_word_arm64, std::make_integer_sequence<unsigned, 8>{});
}

TEST(SeedDecode, ArgumentsBeyondTheRegistersComeFromTheStack)
{
	unsigned long stack[4] = {0x1111111111111111UL, 0x2222222222222222UL, 0x3333333333333333UL,
				  0x4444444444444444UL};
	auto rx = garbage_regs<kp_x86_64_regs>(3);
	auto ra = garbage_regs<kp_arm64_regs>(4);
	rx.sp = reinterpret_cast<unsigned long>(stack);
	ra.sp = reinterpret_cast<unsigned long>(stack);

	// x86_64: sp -> return address, 7th argument at sp + 8; arm64: 9th at sp.
	EXPECT_EQ(kpt_arg_word_x86_64(&rx, 6), stack[1]);
	EXPECT_EQ(kpt_arg_word_x86_64(&rx, 7), stack[2]);
	EXPECT_EQ(kpt_arg_word_arm64(&ra, 8), stack[0]);
	EXPECT_EQ(kpt_arg_word_arm64(&ra, 9), stack[1]);
	EXPECT_EQ(kpt_arg_x86_64_s8(&rx, 6), 0x22);
	EXPECT_EQ(kpt_arg_arm64_bool(&ra, 9), 1);
	expect_args_agree<x86>(rx, kpt_arg_word_x86_64, std::integer_sequence<unsigned, 6, 7>{});
	expect_args_agree<a64>(ra, kpt_arg_word_arm64, std::integer_sequence<unsigned, 8, 9>{});

	// a faulting read is 0, not the scribbled buffer
	fault_lo = reinterpret_cast<const unsigned char *>(stack);
	fault_hi = fault_lo + sizeof(stack);
	unsigned long before = kernel_reads;
	EXPECT_EQ(kpt_arg_word_x86_64(&rx, 6), 0u);
	EXPECT_EQ(kpt_arg_word_arm64(&ra, 8), 0u);
	EXPECT_EQ(kernel_reads - before, 2u);
	fault_lo = fault_hi = nullptr;
}

// Every category at every register position, against the C++ rules.
template <class Regs>
void every_position(const kp_arch_table &t, Regs r,
		    long long (*s8)(const void *, unsigned), long long (*b)(const void *, unsigned),
		    long long (*en)(const void *, unsigned), long long (*s32)(const void *, unsigned),
		    unsigned long long (*u16)(const void *, unsigned),
		    unsigned long long (*p)(const void *, unsigned))
{
	for (unsigned i = 0; i < t.nr_arg_regs; i++) {
		for (unsigned long w : words) {
			*reinterpret_cast<unsigned long *>(reinterpret_cast<char *>(&r) + t.arg_regs[i]) = w;
			SCOPED_TRACE(::testing::Message() << t.name << " arg " << i << std::hex << " 0x" << w);
			EXPECT_EQ(s8(&r, i), (cxx_word<signed char, long long>(w)));
			EXPECT_EQ(b(&r, i), (cxx_word<bool, long long>(w)));
			EXPECT_EQ(en(&r, i), (cxx_word<kpt_neg, long long>(w)));
			EXPECT_EQ(s32(&r, i), (cxx_word<int, long long>(w)));
			EXPECT_EQ(u16(&r, i), (cxx_word<unsigned short, unsigned long long>(w)));
			EXPECT_EQ(p(&r, i), (cxx_word<const void *, unsigned long long>(w)));
		}
	}
}

TEST(SeedDecode, EveryCategoryAtEveryRegisterPosition)
{
	every_position(kp::arch::x86_64_table, garbage_regs<kp_x86_64_regs>(5), kpt_arg_x86_64_s8,
		       kpt_arg_x86_64_bool, kpt_arg_x86_64_eneg, kpt_arg_x86_64_s32,
		       kpt_arg_x86_64_u16, kpt_arg_x86_64_ptr);
	every_position(kp::arch::arm64_table, garbage_regs<kp_arm64_regs>(6), kpt_arg_arm64_s8,
		       kpt_arg_arm64_bool, kpt_arg_arm64_eneg, kpt_arg_arm64_s32, kpt_arg_arm64_u16,
		       kpt_arg_arm64_ptr);
}

TEST(SeedDecode, ReturnValues)
{
	auto rx = garbage_regs<kp_x86_64_regs>(7);
	auto ra = garbage_regs<kp_arm64_regs>(8);
	rx.ax = 0xffffffffffffff00UL;
	ra.regs[0] = 0xffffffffffffff00UL;
	EXPECT_EQ(kpt_ret_x86_64_bool(&rx), 0);
	EXPECT_EQ(kpt_ret_arm64_bool(&ra), 0);
	rx.ax = ra.regs[0] = 0x00000001fffffffeUL;
	EXPECT_EQ(kpt_ret_x86_64_s32(&rx), -2);
	EXPECT_EQ(kpt_ret_arm64_s32(&ra), -2);
	EXPECT_EQ(kpt_ret_x86_64_ptr(&rx), 0x00000001fffffffeULL);
	EXPECT_EQ(kpt_ret_arm64_ptr(&ra), 0x00000001fffffffeULL);
	EXPECT_EQ(kpt_ret_x86_64_s32(&rx), (kp::return_value<x86, int>(&rx)));
	EXPECT_EQ(kpt_ret_arm64_s32(&ra), (kp::return_value<a64, int>(&ra)));
}

// ---- the macros ------------------------------------------------------------------

std::vector<const kp_probe_desc *> find(const std::string &sym, unsigned kind)
{
	std::vector<const kp_probe_desc *> v;
	for (auto e = __start_kp_probes; e != __stop_kp_probes; e++)
		if ((*e)->symbol == sym && (*e)->kind == kind)
			v.push_back(*e);
	return v;
}

const kp_probe_desc *find_one(const std::string &sym, unsigned kind, unsigned long offset = 0)
{
	const kp_probe_desc *found = nullptr;
	int n = 0;
	for (auto d : find(sym, kind))
		if (d->offset == offset)
			found = d, n++;
	EXPECT_EQ(n, 1) << sym << " kind " << kind << " offset " << offset;
	return found;
}

// One architecture's view: its regs mirror, how to set argument registers
// by name (not through the table: the table is what is under test), records.
struct arch_case {
	const char *suffix;
	size_t regs_size;
	void (*set_args)(void *regs, const unsigned long (&v)[6]);
	void (*set_ret)(void *regs, unsigned long v);
	struct kpt_record *(*rec)(const char *name);
};

#define KPT_REC_LOOKUP(arch)                                                                      \
	[](const char *name) -> kpt_record * {                                                    \
		struct {                                                                          \
			const char *n;                                                            \
			kpt_record *r;                                                            \
		} all[] = {                                                                       \
			{"many", &kpt_rec_many_##arch}, {"many_offset", &kpt_rec_many_offset_##arch}, \
			{"zero", &kpt_rec_zero_##arch}, {"zero_entry", &kpt_rec_zero_entry_##arch}, \
			{"zero_ret", &kpt_rec_zero_ret_##arch}, {"pair_entry", &kpt_rec_pair_entry_##arch}, \
			{"pair_ret", &kpt_rec_pair_ret_##arch}, {"off0_entry", &kpt_rec_off0_entry_##arch}, \
			{"off0_ret", &kpt_rec_off0_ret_##arch}, {"tp", &kpt_rec_tp_##arch},       \
			{"d1", &kpt_rec_d1_##arch}, {"d2", &kpt_rec_d2_##arch},                   \
			{"d3", &kpt_rec_d3_##arch}, {"d4", &kpt_rec_d4_##arch},                   \
			{"d5", &kpt_rec_d5_##arch}, {"e1", &kpt_rec_e1_##arch},                   \
			{"e6", &kpt_rec_e6_##arch}, {"e6_ret", &kpt_rec_e6_ret_##arch},           \
		};                                                                                \
		for (auto &e : all)                                                               \
			if (!std::strcmp(e.n, name))                                              \
				return e.r;                                                       \
		return nullptr;                                                                   \
	}

const arch_case x86_case = {
	"_x86_64",
	sizeof(kp_x86_64_regs),
	[](void *p, const unsigned long (&v)[6]) {
		auto r = static_cast<kp_x86_64_regs *>(p);
		r->di = v[0], r->si = v[1], r->dx = v[2], r->cx = v[3], r->r8 = v[4], r->r9 = v[5];
		r->r10 = 0x1UL;	// the seed's 4th argument
	},
	[](void *p, unsigned long v) { static_cast<kp_x86_64_regs *>(p)->ax = v; },
	KPT_REC_LOOKUP(x86_64),
};

const arch_case arm64_case = {
	"_arm64",
	sizeof(kp_arm64_regs),
	[](void *p, const unsigned long (&v)[6]) {
		auto r = static_cast<kp_arm64_regs *>(p);
		for (int i = 0; i < 6; i++)
			r->regs[i] = v[i];
		r->orig_x0 = 0x1UL;
	},
	[](void *p, unsigned long v) { static_cast<kp_arm64_regs *>(p)->regs[0] = v; },
	KPT_REC_LOOKUP(arm64),
};

class SeedMacros : public ::testing::TestWithParam<const arch_case *> {
protected:
	void SetUp() override
	{
		a = GetParam();
		std::memset(regs, 0xee, sizeof(regs));
		std::memset(&ri, 0xaa, sizeof(ri));
	}
	std::string sym(const char *base) const { return std::string(base) + a->suffix; }
	pt_regs *pregs() { return reinterpret_cast<pt_regs *>(regs); }
	kpt_record &rec(const char *name) { return *a->rec(name); }

	const arch_case *a;
	alignas(8) unsigned char regs[512];
	kretprobe_instance ri;
};

TEST_P(SeedMacros, Define6KprobeDecodesEveryArgumentAndIgnoresTheResult)
{
	auto d = find_one(sym("kpt_many"), KP_KIND_KPROBE);
	ASSERT_TRUE(d && d->pre);
	a->set_args(regs, {0x123456789abcdeffUL, 0xdeadbeef00018000UL, 0xffffffffffffff00UL,
			   0x12345678ffffffffUL, 0xffffffff00000007UL, 0xffff888012345678UL});
	// Defect 4: the body returned 1; the kernel must see 0.
	EXPECT_EQ(d->pre(nullptr, pregs()), 0);
	auto &r = rec("many");
	EXPECT_EQ(r.calls, 1);
	EXPECT_EQ(r.v[0], -1);
	EXPECT_EQ(r.v[1], -32768);
	EXPECT_EQ(r.v[2], 0);	// defect 3: bool from the low byte (the seed: 1)
	EXPECT_EQ(r.v[3], -1);	// x86_64: rcx, not r10 (which holds 1)
	EXPECT_EQ(r.v[4], 7);
	EXPECT_EQ(r.p, 0xffff888012345678ULL);
	EXPECT_EQ(d->entry, nullptr);
	EXPECT_EQ(d->ret, nullptr);
}

TEST_P(SeedMacros, OffsetKprobeGetsTheRegistersAndCannotSkipSingleStep)
{
	auto d = find_one(sym("kpt_many"), KP_KIND_KPROBE, 0x10);
	ASSERT_TRUE(d && d->pre);
	a->set_args(regs, {0xffffffff00000003UL, 0, 0x0000000000000200UL, 0xabcdUL, 0, 0});
	EXPECT_EQ(d->pre(nullptr, pregs()), 0);	// the body returned -1
	auto &r = rec("many_offset");
	EXPECT_EQ(r.calls, 1);
	EXPECT_EQ(r.v[0], 3);
	EXPECT_EQ(r.v[1], 0);
	EXPECT_EQ(r.v[2], 0xabcd);
	EXPECT_EQ(r.v[3], 0);
}

// Defects 1, 2 and 6: DEFINE0 entry handler, a kprobe and a kretprobe on one
// function in one file, long private data.
TEST_P(SeedMacros, Define0KretprobeWithLongDataNextToAKprobe)
{
	auto kp = find_one(sym("kpt_zero"), KP_KIND_KPROBE);
	auto krp = find_one(sym("kpt_zero"), KP_KIND_KRETPROBE);
	ASSERT_TRUE(kp && krp);
	EXPECT_NE(static_cast<const void *>(kp), static_cast<const void *>(krp));
	ASSERT_TRUE(kp->pre && krp->entry && krp->ret);
	EXPECT_EQ(krp->data_size, sizeof(long));
	EXPECT_EQ(krp->maxactive, 0);

	EXPECT_EQ(kp->pre(nullptr, pregs()), 0);
	EXPECT_EQ(rec("zero").calls, 1);

	EXPECT_EQ(krp->entry(&ri, pregs()), 0);
	auto &e = rec("zero_entry");
	EXPECT_EQ(e.calls, 1);
	EXPECT_EQ(e.p, reinterpret_cast<unsigned long long>(ri.data));	// (long)ri->data
	EXPECT_EQ(e.slot, 0);	// zero-filled, although ri.data was 0xaa...

	a->set_ret(regs, 0xffffffffffffff00UL);
	EXPECT_EQ(krp->ret(&ri, pregs()), 0);	// the body returned 7
	auto &r = rec("zero_ret");
	EXPECT_EQ(r.calls, 1);
	EXPECT_EQ(r.slot, 0x5eed);
	EXPECT_EQ(r.ret, 0);	// bool return value: the low byte
	a->set_ret(regs, 0x0101010101010101UL);
	krp->ret(&ri, pregs());
	EXPECT_EQ(r.ret, 1);

	e.entry_result = -1;	// non-zero: the kernel skips the return handler
	EXPECT_EQ(krp->entry(&ri, pregs()), -1);
	e.entry_result = 0;
}

TEST_P(SeedMacros, KretprobeWithStructData)
{
	auto d = find_one(sym("kpt_pair"), KP_KIND_KRETPROBE);
	ASSERT_TRUE(d && d->entry && d->ret);
	EXPECT_EQ(d->data_size, sizeof(kpt_pair_call));
	a->set_args(regs, {0xffffffff00000005UL, 0xabcdef0000000101UL, 0, 0, 0, 0});
	EXPECT_EQ(d->entry(&ri, pregs()), 0);
	auto &e = rec("pair_entry");
	EXPECT_EQ(e.v[0], 5);
	EXPECT_EQ(e.v[1], 1);
	EXPECT_EQ(e.p, reinterpret_cast<unsigned long long>(ri.data));
	a->set_ret(regs, 0xffff888000001000UL);
	EXPECT_EQ(d->ret(&ri, pregs()), 0);
	auto &r = rec("pair_ret");
	EXPECT_EQ(r.v[0], 5);
	EXPECT_EQ(r.v[1], 1);
	EXPECT_EQ(r.v[2], 42);
	EXPECT_EQ(static_cast<unsigned long long>(r.ret), 0xffff888000001000ULL);

	a->set_args(regs, {0x00000000ffffffffUL, 0, 0, 0, 0, 0});	// x = -1: skip
	EXPECT_EQ(d->entry(&ri, pregs()), 1);
}

TEST_P(SeedMacros, KretprobeOffsetFormAtZero)
{
	auto d = find_one(sym("kpt_off0"), KP_KIND_KRETPROBE);
	ASSERT_TRUE(d && d->entry && d->ret);
	EXPECT_EQ(d->data_size, sizeof(long));
	a->set_args(regs, {0, 0x1234UL, 0, 0, 0, 0});
	EXPECT_EQ(d->entry(&ri, pregs()), 0);
	a->set_ret(regs, 0x777700000000ffffUL);
	d->ret(&ri, pregs());
	EXPECT_EQ(rec("off0_ret").slot, 0x1234);
	EXPECT_EQ(rec("off0_ret").ret, -1);	// short
}

TEST_P(SeedMacros, TracepointSlotHoldsTheProbe)
{
	auto d = find_one(sym("kpt_tp"), KP_KIND_TRACEPOINT);
	ASSERT_TRUE(d && d->tp_probe);
	EXPECT_EQ(d->pre, nullptr);
	using probe_t = void (*)(void *, int, const char *);
	static const char what[] = "x";
	(*static_cast<const probe_t *>(d->tp_probe))(nullptr, 10, what);
	auto &r = rec("tp");
	EXPECT_EQ(r.calls, 1);
	EXPECT_EQ(r.v[0], 10);
	EXPECT_EQ(r.p, reinterpret_cast<unsigned long long>(what));
	EXPECT_EQ(r.ret, 1);	// priv == NULL
}

TEST_P(SeedMacros, EveryArityDecodesEveryPosition)
{
	const unsigned long g = 0xa5a5a5a500000000UL;
	a->set_args(regs, {g | 0xfe, g | 0xfff0, g | 0x80000000, g | 0x2, g | 0x7f, g | 0x9c});

	find_one(sym("kpt_d1"), KP_KIND_KPROBE)->pre(nullptr, pregs());
	EXPECT_EQ(rec("d1").v[0], 0xfe);

	find_one(sym("kpt_d2"), KP_KIND_KPROBE)->pre(nullptr, pregs());
	EXPECT_EQ(rec("d2").v[0], static_cast<long long>(g | 0xfe));
	EXPECT_EQ(rec("d2").v[1], 0xfff0);

	find_one(sym("kpt_d3"), KP_KIND_KPROBE)->pre(nullptr, pregs());
	EXPECT_EQ(rec("d3").v[0], 0xfe);	// int: the low 32 bits
	EXPECT_EQ(rec("d3").v[1], 0xfff0);
	EXPECT_EQ(rec("d3").v[2], 0x80000000LL);	// enum kpt_small: unsigned int

	find_one(sym("kpt_d4"), KP_KIND_KPROBE)->pre(nullptr, pregs());
	EXPECT_EQ(rec("d4").v[0], static_cast<long long>(static_cast<char>(0xfe)));
	EXPECT_EQ(rec("d4").v[1], -16);
	EXPECT_EQ(rec("d4").v[2], 0);	// bool: low byte of 0x80000000
	EXPECT_EQ(rec("d4").v[3], static_cast<long long>(g | 0x2));

	find_one(sym("kpt_d5"), KP_KIND_KPROBE)->pre(nullptr, pregs());
	EXPECT_EQ(rec("d5").v[0], 0xfe);
	EXPECT_EQ(rec("d5").v[1], 0xfff0);
	EXPECT_EQ(rec("d5").v[2], -2147483648LL);
	EXPECT_EQ(rec("d5").v[3], 2);
	EXPECT_EQ(rec("d5").v[4], 0x7f);

	auto e1 = find_one(sym("kpt_e1"), KP_KIND_KRETPROBE);
	EXPECT_EQ(e1->data_size, sizeof(long));
	e1->entry(&ri, pregs());
	EXPECT_EQ(rec("e1").v[0], 0xfe);

	auto e6 = find_one(sym("kpt_e6"), KP_KIND_KRETPROBE);
	EXPECT_EQ(e6->data_size, sizeof(kpt_pair_call));
	e6->entry(&ri, pregs());
	auto &r = rec("e6");
	EXPECT_EQ(r.v[0], 1);	// bool: low byte 0xfe != 0
	EXPECT_EQ(r.v[1], -16);
	EXPECT_EQ(r.v[2], 0x80000000LL);
	EXPECT_EQ(r.v[3], static_cast<long long>(g | 0x2));
	EXPECT_EQ(r.v[4], static_cast<long long>(g | 0x7f));	// enum kpt_big: 64 bits
	EXPECT_EQ(r.v[5], 0x9c);
	a->set_ret(regs, g | 0x1ff);
	e6->ret(&ri, pregs());
	EXPECT_EQ(rec("e6_ret").v[0], -16);
	EXPECT_EQ(rec("e6_ret").ret, 0xff);
}

INSTANTIATE_TEST_SUITE_P(BothArches, SeedMacros, ::testing::Values(&x86_case, &arm64_case),
			 [](const ::testing::TestParamInfo<const arch_case *> &i) {
				 return std::string(i.param->suffix + 1);
			 });

// ---- the registry accepts the C descriptors, in declaration order ----------------

TEST(SeedRegistry, CDescriptorsRegisterInDeclarationOrder)
{
	unsigned n = __stop_kp_probes - __start_kp_probes;
	std::vector<unsigned> order(n);
	kp_registry reg{};
	reg.begin = __start_kp_probes;
	reg.end = __stop_kp_probes;
	reg.order = order.data();

	backend_log.clear();
	invalid_log.clear();
	ASSERT_EQ(kp_registry_prepare(&reg), 0) << (invalid_log.empty() ? "" : invalid_log[0]);
	ASSERT_EQ(kp_registry_register_all(&reg), 0);

	for (const char *suffix : {"_x86_64", "_arm64"}) {
		std::vector<std::string> got;
		for (auto &c : backend_log) {
			std::string s = c.d->symbol;
			if (s.size() > strlen(suffix) && s.compare(s.size() - strlen(suffix), std::string::npos, suffix) == 0)
				got.push_back(std::to_string(c.d->kind) + " " + s.substr(0, s.size() - strlen(suffix)) +
					      (c.d->offset ? "+" + std::to_string(c.d->offset) : ""));
		}
		const std::vector<std::string> want = {
			"1 kpt_many", "1 kpt_many+16", "1 kpt_zero", "2 kpt_zero", "2 kpt_pair", "2 kpt_off0",
			"3 kpt_tp", "1 kpt_d1", "1 kpt_d2", "1 kpt_d3", "1 kpt_d4", "1 kpt_d5", "2 kpt_e1",
			"2 kpt_e6",
		};
		EXPECT_EQ(got, want) << suffix;
	}
	for (auto e = __start_kp_probes; e != __stop_kp_probes; e++) {
		std::string file = (*e)->file;
		EXPECT_EQ(file.substr(file.size() - 8), "macros.c");
		EXPECT_GT((*e)->line, 0u);
	}
	kp_registry_unregister_all(&reg);
	EXPECT_EQ(backend_log.size(), 2u * n);
}

} // namespace
