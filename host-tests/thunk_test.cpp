// SPDX-License-Identifier: GPL-2.0
// The thunks the kernel calls (framework/kp/probes.hpp), instantiated for
// both arches explicitly and called as the kernel would: a fake pt_regs
// (garbage everywhere but the arguments) cast to struct pt_regs *, and a
// fake kretprobe_instance whose data lives at KP_KRI_DATA_OFFSET.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "abi_model.h"
#include "per_type.h"

using model::Arm;
using model::fake_kri;
using model::frame;
using model::X86;

namespace {

template <class... T> using L = kpt::meta::list<T...>;
using no_data = kpt::no_data;

enum class E8 : signed char { neg = -1 };
struct opaque;

// ---- what the handlers saw ----------------------------------------------------

struct seen_t {
	int calls;
	int a;
	unsigned char b;
	const char *c;
	long d;
	bool e;
	E8 f;
	unsigned g;
	short h;
	unsigned long i;
	const void *data_addr;
	bool data_was_zero;
	long ret;
	const opaque *ptr;
};
seen_t seen;

void reset() { std::memset(&seen, 0, sizeof(seen)); }

bool all_zero(const void *p, std::size_t n)
{
	auto b = static_cast<const unsigned char *>(p);
	for (std::size_t k = 0; k < n; k++)
		if (b[k])
			return false;
	return true;
}

// Nine arguments: three beyond x86_64's six registers, one beyond arm64's eight.
using Nine = L<int, unsigned char, const char *, long, bool, E8, unsigned, short, unsigned long>;
void nine(int a, unsigned char b, const char *c, long d, bool e, E8 f, unsigned g, short h,
	  unsigned long i)
{
	seen.calls++;
	seen.a = a, seen.b = b, seen.c = c, seen.d = d, seen.e = e, seen.f = f, seen.g = g,
	seen.h = h, seen.i = i;
}

// The garbage-topped words for Nine, and what they decode to.
constexpr unsigned long nine_words[] = {
	0xa5a5a5a5fffffffeul, // int -2
	0xa5a5a5a5a5a5a5fful, // unsigned char 255
	0xffff888000001000ul, // const char *
	0xfffffffffffffff3ul, // long -13
	0xa5a5a5a5a5a5a500ul, // bool false
	0x5a5a5a5a5a5a5afful, // E8 -1
	0xdeadbeef80000000ul, // unsigned 0x80000000
	0x123456789abc8001ul, // short -32767
	0x8000000000000001ul, // unsigned long
};

template <class A> void set_nine(frame<A> &f)
{
	for (unsigned k = 0; k < 9; k++)
		f.arg(k) = nine_words[k];
}

void expect_nine()
{
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, -2);
	EXPECT_EQ(seen.b, 255);
	EXPECT_EQ(seen.c, reinterpret_cast<const char *>(0xffff888000001000ul));
	EXPECT_EQ(seen.d, -13);
	EXPECT_FALSE(seen.e);
	EXPECT_TRUE(seen.f == E8::neg);
	EXPECT_EQ(seen.g, 0x80000000u);
	EXPECT_EQ(seen.h, -32767);
	EXPECT_EQ(seen.i, 0x8000000000000001ul);
}

class Thunk : public ::testing::Test {
protected:
	void SetUp() override
	{
		reset();
		host::clear_read_faults();
	}
};

// ---- kprobe ------------------------------------------------------------------------------

KP_ARCH_TEST(Thunk, KprobeDecodesRegistersAndStack)
{
	frame<A> f;
	set_nine(f);
	EXPECT_EQ((kpt::kprobe_thunk<A, Nine, false, false, &nine>::pre(nullptr, f.pt())), 0);
	expect_nine();
}

int lambda_arg;
constexpr auto lambda_handler = [](int x, const opaque *p) {
	lambda_arg = x;
	seen.ptr = p;
};

// (at namespace scope: a block-scope lambda's function has no linkage and
// cannot be a template argument)
constexpr auto none = [] { seen.calls++; };

KP_ARCH_TEST(Thunk, KprobeLambdaHandlerAndNoArgs)
{
	frame<A> f;
	f.arg(0) = 0xa5a5a5a500000007ul;
	f.arg(1) = 0xffff888000002000ul;
	EXPECT_EQ((kpt::kprobe_thunk<A, L<int, const opaque *>, false, false, lambda_handler>::pre(
			  nullptr, f.pt())),
		  0);
	EXPECT_EQ(lambda_arg, 7);
	EXPECT_EQ(seen.ptr, reinterpret_cast<const opaque *>(0xffff888000002000ul));

	EXPECT_EQ((kpt::kprobe_thunk<A, L<>, false, false, none>::pre(nullptr, f.pt())), 0);
	EXPECT_EQ(seen.calls, 1);
}

// A stack argument that faults reaches the handler as 0; the probe still returns 0.
KP_ARCH_TEST(Thunk, KprobeFaultingStackArgIsZero)
{
	frame<A> f;
	set_nine(f);
	const unsigned last = 8; // on the stack on both arches
	host::fail_reads(&f.arg(last), sizeof(unsigned long));
	EXPECT_EQ((kpt::kprobe_thunk<A, Nine, false, false, &nine>::pre(nullptr, f.pt())), 0);
	EXPECT_EQ(seen.i, 0ul);
	EXPECT_EQ(seen.a, -2);
}

// ---- fentry (entry probe on ftrace) -------------------------------------------------------

// The pt_regs views: x86_64 (a wrapped pt_regs), arm64 6.1 (FTRACE_OPS_FL_SAVE_REGS).
KP_ARCH_TEST(Thunk, FentryDecodesRegistersAndStack)
{
	frame<A> f;
	set_nine(f);
	kpt::fentry_thunk<A, Nine, &nine>::call(0xffffffff81000004ul, f.pt());
	expect_nine();
}

// arm64 6.12's own view (struct __arch_ftrace_regs): x0..x7 and the 9th from sp.
TEST_F(Thunk, FentryArm64FtraceRegsView)
{
	kp_arm64_fregs r;
	unsigned long stack[8];
	host::fill(r, 0xa5);
	host::fill(stack, 0xa5);
	for (unsigned k = 0; k < 8; k++)
		r.regs[k] = nine_words[k];
	r.sp = reinterpret_cast<unsigned long>(&stack[2]);
	stack[2] = nine_words[8];
	kpt::fentry_thunk<kp::arch::arm64_ftrace, Nine, &nine>::call(0, &r);
	expect_nine();
}

// kp::FentryMatch: the function's start as a kp::Sym first, then the declared arguments.
const void *match_fn;
void nine_after_fn(kpt::Sym fn, int a, unsigned char b, const char *c, long d, bool e, E8 f,
		   unsigned g, short h, unsigned long i)
{
	match_fn = fn.addr;
	nine(a, b, c, d, e, f, g, h, i);
}
KP_ARCH_TEST(Thunk, FentryMatchPassesTheFunctionThenTheArguments)
{
	frame<A> f;
	set_nine(f);
	match_fn = nullptr;
	kpt::fentry_match_thunk<A, Nine, &nine_after_fn>::call(0xffffffff81000000ul, f.pt());
	EXPECT_EQ(match_fn, reinterpret_cast<const void *>(0xffffffff81000000ul));
	expect_nine();
}

// ---- offset probe ---------------------------------------------------------------------------

unsigned long off_ip, off_arg0, off_ret, off_sp;
template <class A> void at_offset(const kpt::basic_regs<A> &r)
{
	seen.calls++;
	off_ip = r.ip(), off_arg0 = r.arg_reg(0), off_ret = r.return_reg(), off_sp = r.sp();
}

KP_ARCH_TEST(Thunk, OffsetGetsRegs)
{
	using M = model::abi<A>;
	frame<A> f;
	M::ip(f.regs) = 0xffffffff81234567ul;
	M::arg(f.regs, 0) = 0x1111;
	f.ret() = 0x2222; // on arm64 the same register as arg 0
	EXPECT_EQ((kpt::offset_thunk<A, &at_offset<A>>::pre(nullptr, f.pt())), 0);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(off_ip, 0xffffffff81234567ul);
	EXPECT_EQ(off_arg0, M::arg(f.regs, 0));
	EXPECT_EQ(off_ret, 0x2222ul);
	EXPECT_EQ(off_sp, M::sp(f.regs));
}

// ---- kretprobe ------------------------------------------------------------------------------

struct call_data {
	int arg;
	const char *name;
	unsigned long cookie[3];
};

bool entry_bool(call_data &d, int a, const char *c)
{
	seen.calls++;
	seen.data_addr = &d;
	seen.data_was_zero = d.arg == 0 && d.name == nullptr && d.cookie[0] == 0 &&
			     d.cookie[1] == 0 && d.cookie[2] == 0;
	seen.a = a, seen.c = c;
	d.arg = a;
	d.name = c;
	d.cookie[2] = 0xc00c1e;
	return a >= 0; // false: no return handler for this call
}
void return_int(call_data &d, int r)
{
	seen.calls++;
	seen.data_addr = &d;
	seen.a = d.arg, seen.c = d.name, seen.i = d.cookie[2];
	seen.ret = r;
}
using DataProbe = L<int, const char *>;

KP_ARCH_TEST(Thunk, KretprobeDataFlowsFromEntryToReturn)
{
	using T = kpt::kretprobe_thunk<A, DataProbe, false, false, int, call_data, &entry_bool, &return_int>;
	fake_kri<> kri;
	frame<A> f;
	f.arg(0) = 0xa5a5a5a500000009ul;
	f.arg(1) = 0xffff888000003000ul;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0); // handler returned true
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.data_addr, kri.data()) << "data must be at KP_KRI_DATA_OFFSET";
	EXPECT_TRUE(seen.data_was_zero) << "Data<D> must be zeroed before the entry handler";
	EXPECT_EQ(seen.a, 9);

	reset();
	frame<A> at_ret; // a different register file at return time
	at_ret.ret() = 0xa5a5a5a5fffffff3ul; // int -13
	EXPECT_EQ(T::ret(kri.ri(), at_ret.pt()), 0);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.data_addr, kri.data());
	EXPECT_EQ(seen.a, 9);
	EXPECT_EQ(seen.c, reinterpret_cast<const char *>(0xffff888000003000ul));
	EXPECT_EQ(seen.i, 0xc00c1eul);
	EXPECT_EQ(seen.ret, -13);
	// the header of the instance (the kernel's) is untouched
	for (unsigned k = 0; k < KP_KRI_DATA_OFFSET; k++)
		ASSERT_EQ(kri.bytes[k], 0xa5) << k;
	// and nothing past D
	for (unsigned k = KP_KRI_DATA_OFFSET + sizeof(call_data); k < sizeof(kri.bytes); k++)
		ASSERT_EQ(kri.bytes[k], 0xa5) << k;
}

// kp::Fexit on an fprobe: the same bodies, the data where fprobe passes it
KP_ARCH_TEST(Thunk, FexitFprobeDataFlowsFromEntryToReturn)
{
	using T = kpt::fprobe_thunk<A, DataProbe, int, call_data, &entry_bool, &return_int>;
	unsigned char node[64];
	memset(node, 0xa5, sizeof(node));
	void *data = node + 8; // the rethook node's data
	frame<A> f;
	f.arg(0) = 0xa5a5a5a500000009ul;
	f.arg(1) = 0xffff888000003000ul;
	EXPECT_EQ(T::entry(nullptr, 0x1000, 0x2000, f.pt(), data), 0);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.data_addr, data);
	EXPECT_TRUE(seen.data_was_zero) << "Data<D> must be zeroed before the entry handler";
	EXPECT_EQ(seen.a, 9);

	reset();
	frame<A> at_ret;
	at_ret.ret() = 0xa5a5a5a5fffffff3ul; // int -13
	T::exit(nullptr, 0x1000, 0x2000, at_ret.pt(), data);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.data_addr, data);
	EXPECT_EQ(seen.a, 9);
	EXPECT_EQ(seen.c, reinterpret_cast<const char *>(0xffff888000003000ul));
	EXPECT_EQ(seen.i, 0xc00c1eul);
	EXPECT_EQ(seen.ret, -13);
	for (unsigned k = 0; k < 8; k++)
		ASSERT_EQ(node[k], 0xa5) << k;
	for (unsigned k = 8 + sizeof(call_data); k < sizeof(node); k++)
		ASSERT_EQ(node[k], 0xa5) << k;

	reset();
	f.arg(0) = 0x00000000fffffffful; // -1: the entry handler returns false
	EXPECT_EQ(T::entry(nullptr, 0x1000, 0x2000, f.pt(), data), 1) << "non-zero: fprobe skips the exit";
}

KP_ARCH_TEST(Thunk, KretprobeEntryFalseSkipsReturn)
{
	using T = kpt::kretprobe_thunk<A, DataProbe, false, false, int, call_data, &entry_bool, &return_int>;
	fake_kri<> kri;
	frame<A> f;
	f.arg(0) = 0x00000000fffffffful; // -1: the handler returns false
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 1);
	EXPECT_EQ(seen.a, -1);
	EXPECT_TRUE(seen.data_was_zero);
}

KP_ARCH_TEST(Thunk, KretprobeDataZeroedOnEveryEntry)
{
	using T = kpt::kretprobe_thunk<A, DataProbe, false, false, int, call_data, &entry_bool, &return_int>;
	fake_kri<> kri(0xff);
	frame<A> f;
	f.arg(0) = 1;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_was_zero);
	// instance reuse: the previous call's data must not leak into the next
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_was_zero);
}

// Padding inside and at the end of D.  Per-instance memory is recycled
// between calls (and was the kernel's before): unless every byte is
// cleared, whatever a handler copies out of D wholesale (a memcpy, a
// %*ph dump) carries stale bytes of an earlier call.
struct padded {
	long l;
	char c; // one byte of padding after it
	short s; // four after it
};
bool entry_padded(padded &d, int)
{
	seen.calls++;
	seen.data_was_zero = all_zero(&d, sizeof(d));
	d.l = 1, d.c = 2, d.s = 3;
	return true;
}
void return_padded(padded &) {}

KP_ARCH_TEST(Thunk, KretprobeDataPaddingZeroedAtEntry)
{
	using T = kpt::kretprobe_thunk<A, L<int>, false, false, void, padded, &entry_padded,
				       &return_padded>;
	fake_kri<> kri; // 0xa5 everywhere, as if left by an earlier call
	frame<A> f;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_TRUE(seen.data_was_zero)
		<< "Data<D> padding bytes were not cleared at entry (d = D{} zeroes the members "
		   "only; clang-19 keeps the padding): clear the instance with memset";
}

// D{} value-initialises: default member initialisers apply (a fix for the
// padding above must keep this).
struct with_defaults {
	int x = 7;
	long y;
};
bool entry_defaults(with_defaults &d, int)
{
	seen.calls++;
	seen.a = d.x, seen.d = d.y;
	return true;
}
void return_defaults(with_defaults &) {}

KP_ARCH_TEST(Thunk, KretprobeDataDefaultMemberInitialisers)
{
	using T = kpt::kretprobe_thunk<A, L<int>, false, false, void, with_defaults, &entry_defaults,
				       &return_defaults>;
	fake_kri<> kri;
	frame<A> f;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.a, 7);
	EXPECT_EQ(seen.d, 0);
}

// kp::Data<D> with D an array of structs with default member initialisers:
// every element reset, the handlers' writes of the last call gone.
bool entry_array(with_defaults (&d)[3], int)
{
	seen.calls++;
	seen.data_was_zero = true;
	for (auto &e : d)
		seen.data_was_zero = seen.data_was_zero && e.x == 7 && e.y == 0;
	d[2].x = 99, d[1].y = 5;
	return true;
}
void return_array(with_defaults (&)[3]) {}

KP_ARCH_TEST(Thunk, KretprobeArrayDataResetEveryEntry)
{
	using T = kpt::kretprobe_thunk<A, L<int>, false, false, void, with_defaults[3], &entry_array,
				       &return_array>;
	fake_kri<> kri(0xff);
	frame<A> f;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_was_zero);
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_was_zero);
}

void entry_void(call_data &d, int a, const char *)
{
	seen.calls++;
	d.arg = a;
}
void return_data_only(call_data &d)
{
	seen.calls++;
	seen.a = d.arg;
}

KP_ARCH_TEST(Thunk, KretprobeVoidEntryReturnsZeroAndVoidReturnType)
{
	using T = kpt::kretprobe_thunk<A, DataProbe, false, false, void, call_data, &entry_void,
				       &return_data_only>;
	fake_kri<> kri;
	frame<A> f;
	f.arg(0) = 0xa5a5a5a5fffffffbul; // -5: a void handler cannot veto
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_EQ(T::ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.calls, 2);
	EXPECT_EQ(seen.a, -5);
}

bool entry_nodata(long x)
{
	seen.calls++;
	seen.d = x;
	return x != 0;
}
void return_ptr(const opaque *p)
{
	seen.calls++;
	seen.ptr = p;
}
void return_nothing() { seen.calls++; }
void return_long(long r)
{
	seen.calls++;
	seen.ret = r;
}

KP_ARCH_TEST(Thunk, KretprobeWithoutData)
{
	using T = kpt::kretprobe_thunk<A, L<long>, false, false, const opaque *, no_data,
				       &entry_nodata, &return_ptr>;
	fake_kri<> kri;
	frame<A> f;
	f.arg(0) = 0;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 1);
	f.arg(0) = 5;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.d, 5);
	f.ret() = static_cast<unsigned long>(-12l); // ERR_PTR(-ENOMEM)
	EXPECT_EQ(T::ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.ptr, reinterpret_cast<const opaque *>(-12l));
	EXPECT_EQ(seen.calls, 3);
	// no data: the instance memory is not touched
	for (unsigned char b : kri.bytes)
		ASSERT_EQ(b, 0xa5);
}

KP_ARCH_TEST(Thunk, KretprobeReturnOnly)
{
	fake_kri<> kri;
	frame<A> f;
	f.ret() = 0xfffffffffffffffeul;
	using R = kpt::kretprobe_thunk<A, L<>, false, false, long, no_data, &return_long, &return_long>;
	EXPECT_EQ(R::ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.ret, -2);
	using V = kpt::kretprobe_thunk<A, L<>, false, false, void, no_data, &return_nothing,
				       &return_nothing>;
	EXPECT_EQ(V::ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.calls, 2);
}

// ---- syscalls ------------------------------------------------------------------------------

// openat(int dfd, const char *filename, int flags, umode_t mode)
using OpenAt = L<int, const char *, int, unsigned short>;
void on_openat(int dfd, const char *name, int flags, unsigned short mode)
{
	seen.calls++;
	seen.a = dfd, seen.c = name, seen.g = flags, seen.h = (short)mode;
}

// The user's registers as the syscall entry code saved them; the function
// ABI registers that differ from the syscall ones hold decoys.
template <class A> void set_user_openat(frame<A> &u)
{
	u.sys(0) = 0xa5a5a5a5ffffff9cul; // AT_FDCWD
	u.sys(1) = 0x00007ffc00001000ul;
	u.sys(2) = 0xa5a5a5a500080241ul;
	u.sys(3) = 0xa5a5a5a5a5a501a4ul; // 0644
	if constexpr (std::is_same_v<A, X86>)
		u.regs.cx = 0x00000000000001fful; // decoy: clobbered by syscall
	else
		u.regs.regs[0] = 0xfffffffffffffff2ul; // decoy: x0 is the return value
}

void expect_openat()
{
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, -100);
	EXPECT_EQ(seen.c, reinterpret_cast<const char *>(0x00007ffc00001000ul));
	EXPECT_EQ(seen.g, 0x80241u);
	EXPECT_EQ((unsigned short)seen.h, 0644);
}

KP_ARCH_TEST(Thunk, FexitFprobeWithoutData)
{
	using T = kpt::fprobe_thunk<A, L<>, long, no_data, &return_long, &return_long>;
	frame<A> at_ret;
	at_ret.ret() = 0xfffffffffffffff4ul;
	T::exit(nullptr, 0, 0, at_ret.pt(), nullptr);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.ret, -12);
}

KP_ARCH_TEST(Thunk, SyscallWrappedReadsUserRegsBehindArg0)
{
	frame<A> user;
	set_user_openat(user);
	frame<A> f; // __<arch>_sys_openat(const struct pt_regs *regs)
	f.arg(0) = reinterpret_cast<unsigned long>(&user.regs);
	EXPECT_EQ((kpt::kprobe_thunk<A, OpenAt, true, true, &on_openat>::pre(nullptr, f.pt())), 0);
	expect_openat();
}

KP_ARCH_TEST(Thunk, SyscallUnwrappedReadsFunctionArgs)
{
	frame<A> f; // sys_openat(int dfd, const char *filename, int flags, umode_t mode)
	f.arg(0) = 0xa5a5a5a5ffffff9cul;
	f.arg(1) = 0x00007ffc00001000ul;
	f.arg(2) = 0xa5a5a5a500080241ul;
	f.arg(3) = 0xa5a5a5a5a5a501a4ul;
	if constexpr (std::is_same_v<A, X86>)
		f.regs.r10 = 0x1ff; // a plain C function: arg 3 is in cx, not r10
	else
		f.regs.orig_x0 = 0x1ff; // and arg 0 in x0
	EXPECT_EQ((kpt::kprobe_thunk<A, OpenAt, true, false, &on_openat>::pre(nullptr, f.pt())), 0);
	expect_openat();
}

struct open_call {
	const char *name;
	int flags;
};
bool openat_entry(open_call &c, int, const char *name, int flags, unsigned short)
{
	seen.calls++;
	seen.data_was_zero = c.name == nullptr && c.flags == 0;
	c.name = name, c.flags = flags;
	return true;
}
void openat_return(open_call &c, long r)
{
	seen.calls++;
	seen.c = c.name, seen.g = c.flags, seen.ret = r;
}

KP_ARCH_TEST(Thunk, SyscallReturnWrapped)
{
	using T = kpt::kretprobe_thunk<A, OpenAt, true, true, long, open_call, &openat_entry,
				       &openat_return>;
	frame<A> user;
	set_user_openat(user);
	frame<A> f;
	f.arg(0) = reinterpret_cast<unsigned long>(&user.regs);
	fake_kri<> kri;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_was_zero);
	frame<A> at_ret;
	at_ret.ret() = static_cast<unsigned long>(-2l); // -ENOENT
	EXPECT_EQ(T::ret(kri.ri(), at_ret.pt()), 0);
	EXPECT_EQ(seen.calls, 2);
	EXPECT_EQ(seen.c, reinterpret_cast<const char *>(0x00007ffc00001000ul));
	EXPECT_EQ(seen.g, 0x80241u);
	EXPECT_EQ(seen.ret, -2);
}

KP_ARCH_TEST(Thunk, SyscallReturnUnwrapped)
{
	using T = kpt::kretprobe_thunk<A, OpenAt, true, false, long, open_call, &openat_entry,
				       &openat_return>;
	frame<A> f;
	f.arg(1) = 0x00007ffc00002000ul;
	f.arg(2) = 0xa5a5a5a500000042ul;
	fake_kri<> kri;
	EXPECT_EQ(T::entry(kri.ri(), f.pt()), 0);
	f.ret() = 3; // fd 3
	EXPECT_EQ(T::ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.c, reinterpret_cast<const char *>(0x00007ffc00002000ul));
	EXPECT_EQ(seen.g, 0x42u);
	EXPECT_EQ(seen.ret, 3);
}

// ---- tracepoint -------------------------------------------------------------------------------

void on_tp(int sig, task_struct *t, long result, bool group)
{
	seen.calls++;
	seen.a = sig, seen.ptr = reinterpret_cast<const opaque *>(t), seen.d = result, seen.e = group;
}

TEST(TracepointThunk, ProbeAndSlot)
{
	reset();
	using T = kpt::tracepoint_thunk<L<int, task_struct *, long, bool>, &on_tp>;
	auto *task = reinterpret_cast<task_struct *>(0xffff888000004000ul);
	T::probe(nullptr, 9, task, -1, true);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, 9);
	EXPECT_EQ(seen.d, -1);
	EXPECT_TRUE(seen.e);
	EXPECT_EQ(seen.ptr, reinterpret_cast<const opaque *>(task));

	// The slot holds the probe's address; the kernel reads it as a void *
	// (kp_main.c: *(void *const *)d->tp_probe) and calls it with TP_PROTO.
	EXPECT_EQ(T::slot, &T::probe);
	const void *slot_addr = &T::slot;
	void *fn = *static_cast<void *const *>(slot_addr);
	reinterpret_cast<void (*)(void *, int, task_struct *, long, bool)>(fn)(nullptr, 2, nullptr,
										 7, false);
	EXPECT_EQ(seen.calls, 2);
	EXPECT_EQ(seen.a, 2);
	EXPECT_EQ(seen.d, 7);
	EXPECT_FALSE(seen.e);
}

// A counted tracepoint probe counts on the counter the core registers as its
// data (kp_main.c: the probe's state->hits), not on one it loads from its
// state, and times the sampled hit (kp_hit.h) on that same counter.
kp_probe_state tp_state;
TEST(TracepointThunk, CountsOnItsData)
{
	reset();
	using T = kpt::tracepoint_thunk<L<int, task_struct *, long, bool>, &on_tp, &tp_state>;
	unsigned long from_state = 0, data = 0;
	tp_state.hits = &from_state;
	host::reset_samples();
	for (unsigned i = 0; i < KP_SAMPLE_EVERY + 3; i++)
		T::probe(&data, 5, nullptr, 0, false);
	EXPECT_EQ(seen.calls, KP_SAMPLE_EVERY + 3);
	EXPECT_EQ(seen.a, 5);
	EXPECT_EQ(data, KP_SAMPLE_EVERY + 3ul);
	EXPECT_EQ(from_state, 0ul);
	const std::vector<const unsigned long *> want = { &data };
	EXPECT_EQ(host::samples(), want);
	tp_state.hits = nullptr;
}

} // namespace
