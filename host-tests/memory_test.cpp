// SPDX-License-Identifier: GPL-2.0
// User pointers and fault-tolerant reads (framework/kp/memory.hpp): what
// each read returns and copies, with faults injected by the host core
// (support/kp_host.cpp: a read overlapping the faulting range fails); the
// syscall and tracepoint thunks hand a kp::User the same bits as the pointer.
#include <gtest/gtest.h>

#include <cstring>
#include <type_traits>

#include "abi_model.h"
#include "kp_host.h"
#include "per_type.h"

using model::frame;
using model::X86;

namespace {

template <class P> using User = kpt::User<P>;

template <class P> User<P> user(const void *p)
{
	return User<P>::from_address(reinterpret_cast<unsigned long>(p));
}

class Memory : public ::testing::Test {
protected:
	void SetUp() override { host::clear_read_faults(); }
	void TearDown() override { host::clear_read_faults(); }
};

static_assert(sizeof(User<const char *>) == sizeof(const char *));
static_assert(std::is_trivially_copyable_v<User<const char *>>);

TEST_F(Memory, UserTypedRead)
{
	const int v = 0x12345678;
	int got = 0;
	EXPECT_TRUE(user<const int *>(&v).read(got));
	EXPECT_EQ(got, v);
	EXPECT_TRUE(kpt::read_user(got, user<const int *>(&v)));
	host::fail_reads(&v, sizeof(v));
	EXPECT_FALSE(user<const int *>(&v).read(got));
	EXPECT_FALSE(kpt::read_user(got, user<const int *>(&v)));
}

TEST_F(Memory, UserPointerReadFromUserMemoryIsAUserPointer)
{
	const char *argv[] = { "a0", "a1" };
	User<const char *> a1;
	ASSERT_TRUE((user<const char *const *>(argv) + 1).read(a1));
	EXPECT_EQ(a1.addr(), reinterpret_cast<unsigned long>(argv[1]));
	char s[8];
	EXPECT_EQ(a1.read_str(s), 2);
	EXPECT_STREQ(s, "a1");
}

TEST_F(Memory, UserBoundedReadSaysHowMuch)
{
	char src[16], dst[16];
	for (int i = 0; i < 16; i++)
		src[i] = (char)('a' + i);
	std::memset(dst, 0, sizeof(dst));
	EXPECT_EQ(user<const void *>(src).read_bytes(dst, 16), 16);
	EXPECT_EQ(std::memcmp(dst, src, 16), 0);
	host::fail_reads(src + 10, 6); // the host core stops at the first faulting byte
	EXPECT_EQ(user<const void *>(src).read_bytes(dst, 16), 10);
	host::fail_reads(src, 1);
	EXPECT_EQ(user<const void *>(src).read_bytes(dst, 16), 0);
}

TEST_F(Memory, UserStringRead)
{
	const char src[] = "/tmp/kp-safe";
	char dst[8];
	EXPECT_EQ(user<const char *>(src).read_str(dst), 7); // bounded, terminated
	EXPECT_STREQ(dst, "/tmp/kp");
	char big[32];
	EXPECT_EQ(kpt::read_user_str(big, user<const char *>(src)), 12);
	EXPECT_STREQ(big, "/tmp/kp-safe");
	host::fail_reads(src, 1);
	EXPECT_EQ(user<const char *>(src).read_str(big), kpt::efault);
	EXPECT_STREQ(big, "");
}

TEST_F(Memory, UserPointerArithmeticAndComparison)
{
	const int a[4] = {};
	auto p = user<const int *>(a);
	EXPECT_EQ((p + 3).addr(), reinterpret_cast<unsigned long>(&a[3]));
	EXPECT_EQ((p + 3 - 1).addr(), reinterpret_cast<unsigned long>(&a[2]));
	EXPECT_EQ((user<const void *>(a) + 3).addr(), reinterpret_cast<unsigned long>(a) + 3);
	EXPECT_TRUE(p == user<const int *>(a));
	EXPECT_FALSE(p == nullptr);
	EXPECT_TRUE(User<const int *>() == nullptr);
	EXPECT_FALSE(bool(User<const int *>()));
	EXPECT_TRUE(bool(p));
}

TEST_F(Memory, KernelReadSaysWhetherItWorked)
{
	struct S {
		long a, b;
	} s{ 1, 2 }, got{};
	EXPECT_TRUE(kpt::read_kernel(got, &s));
	EXPECT_EQ(got.b, 2);
	host::fail_reads(&s.b, 1);
	EXPECT_FALSE(kpt::read_kernel(got, &s));
}

TEST_F(Memory, KernelStringRead)
{
	const char src[] = "kp_target";
	char dst[32];
	EXPECT_EQ(kpt::read_kernel_str(dst, src), 9);
	EXPECT_STREQ(dst, "kp_target");
	host::fail_reads(src + 3, 1);
	EXPECT_EQ(kpt::read_kernel_str(dst, src), kpt::efault);
	EXPECT_STREQ(dst, "");
}

// ---- thunks: a User argument carries the register's bits ----------------------------

unsigned long seen_addr;
int seen_calls;
void on_user(int, User<const char *> name)
{
	seen_calls++;
	seen_addr = name.addr();
}

KP_ARCH_TEST(Memory, SyscallThunkDecodesUserPointer)
{
	frame<A> user_regs;
	user_regs.sys(0) = 3;
	user_regs.sys(1) = 0x00007ffc00001000ul;
	frame<A> f;
	f.arg(0) = reinterpret_cast<unsigned long>(&user_regs.regs);
	seen_calls = 0;
	kpt::kprobe_thunk<A, kpt::meta::list<int, User<const char *>>, true, true, &on_user>::pre(
		nullptr, f.pt());
	EXPECT_EQ(seen_calls, 1);
	EXPECT_EQ(seen_addr, 0x00007ffc00001000ul);
}

TEST(MemoryTracepoint, UserArgumentIsThePointerInTheKernelsType)
{
	using T = kpt::tracepoint_thunk<kpt::meta::list<int, User<const char *>>, &on_user>;
	static_assert(std::is_same_v<decltype(T::slot), void (*const)(void *, int, const char *)>);
	seen_calls = 0;
	T::probe(nullptr, 1, reinterpret_cast<const char *>(0x1000));
	EXPECT_EQ(seen_calls, 1);
	EXPECT_EQ(seen_addr, 0x1000ul);
}

} // namespace

// ---- context helpers and kp::Stack (against the host core's fixed values) ----------

namespace {

TEST(Context, HelpersReturnTheCoresValues)
{
	EXPECT_EQ(kpt::current_pid(), 4242);
	EXPECT_EQ(kpt::current_tgid(), 4200);
	EXPECT_STREQ(kpt::current_comm().str, "kp_host");
	EXPECT_EQ(kpt::current_uid(), 1000u);
	EXPECT_EQ(kpt::current_gid(), 1001u);
	EXPECT_EQ(kpt::cpu(), 1u);
	EXPECT_EQ(kpt::time_ns(), 123456789ull);
	auto *t = reinterpret_cast<const task_struct *>(0x1000);
	EXPECT_EQ(kpt::task_pid(t), 7);
	EXPECT_EQ(kpt::task_tgid(t), 8);
	EXPECT_STREQ(kpt::task_comm_of(t).str, "kp_task");
	EXPECT_EQ(kpt::task_uid(t), 2000u);
	EXPECT_EQ(kpt::task_gid(t), 2001u);
}

static_assert(std::is_trivially_copyable_v<kpt::Stack<8>>);
static_assert(sizeof(kpt::Stack<8>) == 9 * sizeof(unsigned long)); // no padding: bytes are the key

TEST(Stack, CaptureZeroFillsAndCompares)
{
	auto s = kpt::stack<8>();
	EXPECT_EQ(s.depth, 5ul);
	EXPECT_EQ(s.ip[0], 0x1000ul);
	EXPECT_EQ(s.ip[4], 0x5000ul);
	EXPECT_EQ(s.ip[5], 0ul);
	EXPECT_EQ(s.ip[7], 0ul);
	auto t = kpt::Stack<8>::capture();
	EXPECT_TRUE(s == t);
	EXPECT_EQ(s.hash(), t.hash());
	t.ip[2] = 0x2001;
	EXPECT_FALSE(s == t);
	EXPECT_NE(s.hash(), t.hash());
	auto shallow = kpt::stack<3>(); // depth is bounded by N
	EXPECT_EQ(shallow.depth, 3ul);
	char buf[64];
	EXPECT_EQ(s.format(buf), 34);
	EXPECT_STREQ(buf, "0x1000 0x2000 0x3000 0x4000 0x5000");
	s.print("st");
	// the kernel's %pS symbolises; the host's printf prints %p and an 'S'
	EXPECT_EQ(host::last_printk(), "st #4 0x5000S\n");
}

} // namespace
