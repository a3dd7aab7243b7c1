// SPDX-License-Identifier: GPL-2.0
// kp::print (framework/kp/print.hpp): the kernel printf format each
// argument type translates to, checked at compile time (static_assert on
// the constant the module holds) and through the call (the host's
// kp_trace_printf records the format and formats the values).
#include <gtest/gtest.h>

#include "kp.hpp"
#include "kp_host.h"

namespace {

namespace pd = kp::print_detail;

template <unsigned N> constexpr bool same(const kp::fixed_string<N> &got, const char *want)
{
	unsigned i = 0;
	for (; want[i]; ++i)
		if (i >= N || got.data[i] != want[i])
			return false;
	return i < N && got.data[i] == 0;
}

// one per integer width and signedness
static_assert(same(pd::format<"{}", signed char>, "%hhd"));
static_assert(same(pd::format<"{}", unsigned char>, "%hhu"));
static_assert(same(pd::format<"{}", short>, "%hd"));
static_assert(same(pd::format<"{}", unsigned short>, "%hu"));
static_assert(same(pd::format<"{}", int>, "%d"));
static_assert(same(pd::format<"{}", unsigned int>, "%u"));
static_assert(same(pd::format<"{}", long>, "%ld"));
static_assert(same(pd::format<"{}", unsigned long>, "%lu"));
static_assert(same(pd::format<"{}", long long>, "%lld"));
static_assert(same(pd::format<"{}", unsigned long long>, "%llu"));
// the kernel's own spellings of them
static_assert(same(pd::format<"{} {} {} {}", kp::s8, kp::u16, kp::u64, kp::s64>, "%hhd %hu %llu %lld"));
static_assert(same(pd::format<"{} {} {}", kp::size_t, kp::pid_t, kp::umode_t>, "%lu %d %hu"));
static_assert(same(pd::format<"{}", char>, "%c"));
static_assert(same(pd::format<"{}", bool>, "%s"));
// strings, pointers, symbols
static_assert(same(pd::format<"{}", const char *>, "%s"));
static_assert(same(pd::format<"{}", char *>, "%s"));
static_assert(same(pd::format<"{}", char[16]>, "%s"));
static_assert(same(pd::format<"{}", kp::task_comm>, "%s"));
static_assert(same(pd::format<"{}", const void *>, "%p"));
static_assert(same(pd::format<"{}", const unsigned char *>, "%p"));
static_assert(same(pd::format<"{}", task_struct *>, "%p"));
static_assert(same(pd::format<"{}", kp::Raw>, "%px"));
static_assert(same(pd::format<"{}", kp::Sym>, "%pS"));
enum small : unsigned char { small_one = 1 };
enum class wide : long long { big = 1LL << 40 };
static_assert(same(pd::format<"{} {}", small, wide>, "%hhu %lld"));
// the text around: % escaped, {{ }} unescaped, several holes in order
static_assert(same(pd::format<"100% {{x}} a={} b={}\n", int, const char *>,
		   "100%% {x} a=%d b=%s\n"));
// no argument: printed with "%s", so % stays as it is
static_assert(same(pd::format<"100% {{}}\n">, "100% {}\n"));
// counting {} (the compile-time checks rely on it)
static_assert(pd::holes(kp::fixed_string("a={} b={}")) == 2);
static_assert(pd::holes(kp::fixed_string("{{}} {{")) == 0);
static_assert(pd::holes(kp::fixed_string("a={")) == -1);
static_assert(pd::holes(kp::fixed_string("a=}")) == -1);
static_assert(pd::holes(kp::fixed_string("{x}")) == -1);
static_assert(!pd::printable<double> && !pd::printable<kp::fixed_string<3>> &&
	      !pd::printable<decltype(nullptr)> && !pd::printable<int[4]>);

TEST(Print, EveryIntegerWidthThroughTheCall)
{
	kp::print<"c={} uc={} s={} us={} i={} ui={} l={} ul={} ll={} ull={}\n">(
		(signed char)-1, (unsigned char)201, (short)-29999, (unsigned short)60001,
		-1999999999, 4000000001u, -1099511627777L, 9223372036854775809UL,
		-4611686018427387905LL, 18446744073709551614ULL);
	EXPECT_EQ(host::last_trace_format(),
		  "c=%hhd uc=%hhu s=%hd us=%hu i=%d ui=%u l=%ld ul=%lu ll=%lld ull=%llu\n");
	EXPECT_EQ(host::last_trace(),
		  "c=-1 uc=201 s=-29999 us=60001 i=-1999999999 ui=4000000001 l=-1099511627777 "
		  "ul=9223372036854775809 ll=-4611686018427387905 ull=18446744073709551614\n");
}

TEST(Print, StringsCommBoolChar)
{
	char name[16] = "file.txt";
	const char *p = "kernel";
	kp::print<"name={} p={} comm={} ok={} no={} ch={}\n">(name, p, kp::current_comm(), true,
								 false, 'x');
	EXPECT_EQ(host::last_trace_format(), "name=%s p=%s comm=%s ok=%s no=%s ch=%c\n");
	EXPECT_EQ(host::last_trace(), "name=file.txt p=kernel comm=kp_host ok=true no=false ch=x\n");
}

TEST(Print, PointersAndSymbolsPassTheAddress)
{
	int obj = 0;
	unsigned long addr = 0x1234;
	kp::print<"raw={}\n">(kp::Raw{&obj});
	EXPECT_EQ(host::last_trace_format(), "raw=%px\n");
	// the host's %p then the literal x: the value passed is the address
	char want[64];
	std::snprintf(want, sizeof(want), "raw=%px\n", static_cast<void *>(&obj));
	EXPECT_EQ(host::last_trace(), want);
	kp::print<"sym={}\n">(kp::Sym{addr});
	std::snprintf(want, sizeof(want), "sym=%pS\n", reinterpret_cast<void *>(addr));
	EXPECT_EQ(host::last_trace(), want);
	kp::print<"p={}\n">(&obj);
	EXPECT_EQ(host::last_trace_format(), "p=%p\n");
}

TEST(Print, NoArgumentsAndPercent)
{
	unsigned long before = host::trace_calls();
	kp::print<"50% done {{ok}}\n">();
	EXPECT_EQ(host::trace_calls(), before + 1);
	EXPECT_EQ(host::last_trace(), "50% done {ok}\n");
	kp::print<"{}% done\n">(50);
	EXPECT_EQ(host::last_trace_format(), "%d%% done\n");
	EXPECT_EQ(host::last_trace(), "50% done\n");
}

} // namespace
