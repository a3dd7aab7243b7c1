// SPDX-License-Identifier: GPL-2.0
// The decoding matrix: both arches x every argument position (registers and
// three stack slots) x every decodable type category, through
// function_arg / syscall_arg / return_value (framework/kp/decode.hpp).
//
// Registers and stack slots are garbage in every byte; only the low bits
// of the value under test are set, so a decoder that keeps upper bits,
// sign-extends wrongly, reads the wrong register or the wrong stack slot
// gets a wrong value.  Expected values are computed independently of
// decode.hpp (128-bit arithmetic from the bit pattern), and where the
// value lives comes from support/abi_model.h, not from the arch tables.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "abi_model.h"
#include "per_type.h"

using model::Arm;
using model::frame;
using model::X86;

namespace {

enum class E8 : signed char { neg = -1, pos = 1 };
enum E32 : unsigned { e32_zero = 0, e32_max = 0xffffffffu };
enum class E16u : unsigned short { top = 0x8000 };
enum E64 : long { e64_min = (long)0x8000000000000000ul };
enum Plain { plain_neg = -1, plain_pos = 1 }; // no fixed underlying type
struct opaque;

template <class T> struct tname;
#define KP_TNAME(T, s)                                                                             \
	template <> struct tname<T> {                                                              \
		static constexpr const char *v = s;                                                \
	};
KP_TNAME(signed char, "schar")
KP_TNAME(unsigned char, "uchar")
KP_TNAME(char, "char")
KP_TNAME(char8_t, "char8")
KP_TNAME(char16_t, "char16")
KP_TNAME(char32_t, "char32")
KP_TNAME(wchar_t, "wchar")
KP_TNAME(short, "short")
KP_TNAME(unsigned short, "ushort")
KP_TNAME(int, "int")
KP_TNAME(unsigned, "uint")
KP_TNAME(long, "long")
KP_TNAME(unsigned long, "ulong")
KP_TNAME(long long, "llong")
KP_TNAME(unsigned long long, "ullong")
KP_TNAME(bool, "bool")
KP_TNAME(E8, "enum_class_schar")
KP_TNAME(E32, "enum_uint")
KP_TNAME(E16u, "enum_class_ushort")
KP_TNAME(E64, "enum_long")
KP_TNAME(Plain, "enum_plain")
KP_TNAME(void *, "void_ptr")
KP_TNAME(const void *, "const_void_ptr")
KP_TNAME(const char *, "const_char_ptr")
KP_TNAME(int *, "int_ptr")
KP_TNAME(const opaque *, "const_struct_ptr")
KP_TNAME(opaque **, "struct_ptr_ptr")
KP_TNAME(const int *const *, "ptr_to_const_ptr")
KP_TNAME(decltype(nullptr), "nullptr_t")
// user pointers: the same bits as the pointer they stand for
KP_TNAME(kpt::User<const char *>, "user_const_char_ptr")
KP_TNAME(kpt::User<void *>, "user_void_ptr")
KP_TNAME(kpt::User<const char *const *>, "user_ptr_to_const_ptr")
#undef KP_TNAME

template <class T> constexpr bool is_user_v = false;
template <class P> constexpr bool is_user_v<kpt::User<P>> = true;

// ---- values as 128-bit integers ---------------------------------------------
//
// Every decodable T maps one-to-one onto a 128-bit integer (bool: 0/1, an
// enum: its underlying value, a pointer: its address).  Comparing those
// keeps the per-(arch, type, position) template instances down to one
// decode each; the loops and the reporting are instantiated per arch only.
using i128 = __int128;

template <class T> i128 canon(T v)
{
	if constexpr (is_user_v<T>)
		return (i128)v.addr();
	else if constexpr (std::is_same_v<T, bool>)
		return v ? 1 : 0;
	else if constexpr (std::is_null_pointer_v<T>)
		return 0;
	else if constexpr (std::is_pointer_v<T>)
		return (i128)reinterpret_cast<std::uintptr_t>(v);
	else if constexpr (std::is_enum_v<T>)
		return canon(static_cast<std::underlying_type_t<T>>(v));
	else
		return (i128)v; // any integer: exact
}

std::string str(i128 v)
{
	char b[48];
	unsigned long long hi = (unsigned long long)((unsigned __int128)v >> 64);
	unsigned long long lo = (unsigned long long)v;
	if (v >= -(i128)0x7fffffffffffffffll && v <= (i128)0x7fffffffffffffffll)
		std::snprintf(b, sizeof(b), "%lld", (long long)v);
	else if (hi == 0)
		std::snprintf(b, sizeof(b), "%llu (0x%llx)", lo, lo);
	else
		std::snprintf(b, sizeof(b), "0x%016llx%016llx", hi, lo);
	return b;
}

std::string hex(unsigned long w)
{
	char b[24];
	std::snprintf(b, sizeof(b), "0x%016lx", w);
	return b;
}

// Upper-bit garbage the ABI allows above a narrow value.
constexpr unsigned long garbage[] = {
	0xa5a5a5a5a5a5a5a5ul, 0xdeadbeefdeadbeeful, 0xfffffffffffffffful,
	0x5a5a5a5a5a5a5a5aul, 0x0123456789abcdeful, 0x0000000000000000ul,
};

// What C says a T whose bits arrived in a 64-bit word is, computed without
// decode.hpp: an integer keeps its low N bits with its own signedness, bool
// is the low byte, an enum its underlying integer, a pointer the full word.
template <class T> i128 expected_of(unsigned long w)
{
	if constexpr (is_user_v<T>) {
		return expected_of<typename T::pointer>(w);
	} else if constexpr (std::is_same_v<T, bool>) {
		return (w & 0xff) != 0;
	} else if constexpr (std::is_null_pointer_v<T>) {
		return 0;
	} else if constexpr (std::is_pointer_v<T>) {
		return (i128)w;
	} else if constexpr (std::is_enum_v<T>) {
		return expected_of<std::underlying_type_t<T>>(w);
	} else {
		constexpr unsigned bits = sizeof(T) * 8;
		constexpr unsigned long mask = bits == 64 ? ~0ul : (1ul << bits) - 1;
		constexpr unsigned long top = 1ul << (bits - 1);
		const unsigned long low = w & mask;
		i128 val = low;
		if (std::is_signed_v<T> && low >= top)
			val -= (i128)1 << bits;
		return val;
	}
}

enum class kind { integer, boolean, pointer };

template <class T> constexpr kind kind_of()
{
	if constexpr (std::is_same_v<T, bool>)
		return kind::boolean;
	else if constexpr (std::is_pointer_v<T> || std::is_null_pointer_v<T> || is_user_v<T>)
		return kind::pointer;
	else
		return kind::integer;
}

template <class T> constexpr unsigned value_bits()
{
	if constexpr (std::is_enum_v<T>)
		return sizeof(std::underlying_type_t<T>) * 8;
	else
		return sizeof(T) * 8;
}

// The words to decode: interesting low patterns under every garbage.
std::vector<unsigned long> sample_words(kind k, unsigned bits)
{
	std::vector<unsigned long> words;
	if (k == kind::boolean) {
		for (unsigned long g : garbage) {
			words.push_back(g & ~0xfful);
			words.push_back((g & ~0xfful) | 1);
		}
		words.insert(words.end(), { 0xffffff00ul, 0x100ul, 0xffffffffffffff01ul });
	} else if (k == kind::pointer) {
		// A pointer is the full register: no garbage, every bit counts.
		words = { 0ul, 1ul, 0xffff888012345678ul, 0x00007ffdeadbeef8ul, 0x8000000000000000ul,
			  0xfffffffffffffffeul /* ERR_PTR(-2) */, 0xfffffffffffff001ul /* ERR_PTR(-4095) */,
			  0x00000000fffffff0ul };
	} else {
		const unsigned long mask = bits == 64 ? ~0ul : (1ul << bits) - 1;
		const unsigned long top = 1ul << (bits - 1);
		for (unsigned long low : { 0ul, 1ul, 2ul, mask, top, top - 1, top + 1,
					   0x5a5a5a5a5a5a5a5aul & mask, 0xa5a5a5a5a5a5a5a5ul & mask & ~top })
			for (unsigned long g : garbage)
				words.push_back((g & ~mask) | low);
	}
	return words;
}

// One type's test data: the words, what they must decode to, and the
// decoders under test (one per position), as plain data.
using decoder = i128 (*)(const void *regs);
struct type_case {
	const char *arch;
	const char *type;
	std::vector<unsigned long> words;
	std::vector<i128> expected;
	i128 zero; // T{}
	i128 (*expect)(unsigned long);
	std::vector<decoder> decoders;
};

// The decoders under test, one instance per (arch, type, position).
template <class A, class T, unsigned I> struct arg_dec {
	static i128 call(const void *r) { return canon(kpt::function_arg<A, T, I>(r)); }
};
template <class A, class T, unsigned I> struct syscall_dec {
	static i128 call(const void *r) { return canon(kpt::syscall_arg<A, T, I>(r)); }
};
template <class A, class T, unsigned> struct ret_dec {
	static i128 call(const void *r) { return canon(kpt::return_value<A, T>(r)); }
};

[[gnu::noinline]] type_case make_case(const char *arch, const char *type, kind k, unsigned bits,
				     i128 (*expect)(unsigned long), i128 zero,
				     std::initializer_list<decoder> decoders)
{
	type_case c{ arch, type, sample_words(k, bits), {}, zero, expect, decoders };
	for (unsigned long w : c.words)
		c.expected.push_back(expect(w));
	return c;
}

template <class A, class T, template <class, class, unsigned> class Dec, unsigned N>
type_case make_case()
{
	return [&]<unsigned... I>(std::integer_sequence<unsigned, I...>) {
		return make_case(model::abi<A>::name, tname<T>::v, kind_of<T>(), value_bits<T>(),
				 &expected_of<T>, canon(T{}), { &Dec<A, T, I>::call... });
	}(std::make_integer_sequence<unsigned, N>{});
}

template <class A, class T> struct Case {
	using arch = A;
	using type = T;
	static std::string arch_name() { return model::abi<A>::name; }
	static std::string type_name() { return tname<T>::v; }
};

#define KP_CASES(A)                                                                                \
	Case<A, signed char>, Case<A, unsigned char>, Case<A, char>, Case<A, char8_t>,             \
		Case<A, char16_t>, Case<A, char32_t>, Case<A, wchar_t>, Case<A, short>,            \
		Case<A, unsigned short>, Case<A, int>, Case<A, unsigned>, Case<A, long>,           \
		Case<A, unsigned long>, Case<A, long long>, Case<A, unsigned long long>,           \
		Case<A, bool>, Case<A, E8>, Case<A, E32>, Case<A, E16u>, Case<A, E64>,             \
		Case<A, Plain>, Case<A, void *>, Case<A, const void *>, Case<A, const char *>,     \
		Case<A, int *>, Case<A, const opaque *>, Case<A, opaque **>,                       \
		Case<A, const int *const *>, Case<A, decltype(nullptr)>,                           \
		Case<A, kpt::User<const char *>>, Case<A, kpt::User<void *>>,                      \
		Case<A, kpt::User<const char *const *>>
using Cases = kp_per_type::list<KP_CASES(X86), KP_CASES(Arm)>;

class Decode : public ::testing::Test {
protected:
	void SetUp() override
	{
		host::clear_read_faults();
		host::reset_reads();
	}
	void TearDown() override { host::clear_read_faults(); }
};

// ---- function arguments -------------------------------------------------------

// Every position (registers, then three stack slots) x every word, on two
// differently filled frames.  Reports the first failure of each position.
template <class A> void check_function_args(const type_case &c)
{
	for (unsigned i = 0; i < c.decoders.size(); i++) {
		bool ok = true;
		for (unsigned char fill : { 0xa5, 0x5a }) {
			for (unsigned k = 0; ok && k < c.words.size(); k++) {
				frame<A> f(fill);
				f.arg(i) = c.words[k];
				host::reset_reads();
				i128 got = c.decoders[i](f.raw());
				if (got != c.expected[k]) {
					ADD_FAILURE() << c.arch << " function_arg<" << c.type << ", " << i
						      << ">: word " << hex(c.words[k]) << " (fill "
						      << hex(fill) << ") decoded to " << str(got)
						      << ", expected " << str(c.expected[k]);
					ok = false;
				}
				const auto &r = host::reads();
				if (ok && f.on_stack(i) &&
				    (r.calls != 1 || r.last_src != &f.arg(i) || r.last_n != 8)) {
					ADD_FAILURE() << c.arch << " arg " << i
						      << ": expected one 8-byte kp_read_kernel of the slot "
						      << &f.arg(i) << ", got " << r.calls << " calls, last "
						      << r.last_src << " n " << r.last_n;
					ok = false;
				}
				if (ok && !f.on_stack(i) && r.calls != 0) {
					ADD_FAILURE() << c.arch << " arg " << i
						      << " is in a register but kp_read_kernel was called";
					ok = false;
				}
			}
		}
	}
}

struct FunctionArg {
	template <class C> static void run()
	{
		using A = typename C::arch;
		static_assert(A::table.nr_arg_regs == model::abi<A>::nr_arg_regs);
		constexpr unsigned n = model::abi<A>::nr_arg_regs + 3; // 3 stack slots
		check_function_args<A>(make_case<A, typename C::type, arg_dec, n>());
	}
};
[[maybe_unused]] const bool FunctionArg_registered =
	kp_per_type::add<Decode, FunctionArg>(Cases{}, "FunctionArg");

// A faulting stack slot decodes to 0 (whatever the fault left in the
// buffer), and only that slot is affected.
template <class A> void check_faulting_stack_args(const type_case &c)
{
	constexpr unsigned nr = model::abi<A>::nr_arg_regs;
	const unsigned long word = 0x0101010101010101ul; // non-zero for every type
	for (unsigned i = nr; i < c.decoders.size(); i++) {
		frame<A> f;
		for (unsigned k = nr; k < c.decoders.size(); k++)
			f.arg(k) = word;
		host::fail_reads(&f.arg(i), sizeof(unsigned long));
		host::reset_reads();
		i128 got = c.decoders[i](f.raw());
		EXPECT_EQ(host::reads().last_result, -14) << "the fault was not injected";
		EXPECT_EQ(str(got), str(c.zero)) << c.arch << " " << c.type << " faulting arg " << i;
		for (unsigned k = nr; k < c.decoders.size(); k++) {
			if (k == i)
				continue;
			EXPECT_EQ(str(c.decoders[k](f.raw())), str(c.expect(word)))
				<< c.arch << " " << c.type << " arg " << k << " next to faulting arg "
				<< i;
			EXPECT_EQ(host::reads().last_result, 0);
		}
		host::clear_read_faults();
	}
}

struct FaultingStackArg {
	template <class C> static void run()
	{
		using A = typename C::arch;
		constexpr unsigned n = model::abi<A>::nr_arg_regs + 3;
		check_faulting_stack_args<A>(make_case<A, typename C::type, arg_dec, n>());
	}
};
[[maybe_unused]] const bool FaultingStackArg_registered =
	kp_per_type::add<Decode, FaultingStackArg>(Cases{}, "FaultingStackArg");

// ---- system call arguments ---------------------------------------------------------

template <class A> void check_syscall_args(const type_case &c)
{
	for (unsigned i = 0; i < c.decoders.size(); i++) {
		for (unsigned k = 0; k < c.words.size(); k++) {
			frame<A> f;
			f.arg(i) = ~c.words[k]; // the function-ABI register, where it differs
			f.sys(i) = c.words[k];
			i128 got = c.decoders[i](f.raw());
			if (got != c.expected[k]) {
				ADD_FAILURE() << c.arch << " syscall_arg<" << c.type << ", " << i
					      << ">: word " << hex(c.words[k]) << " decoded to "
					      << str(got) << ", expected " << str(c.expected[k]);
				break;
			}
		}
	}
}

struct SyscallArg {
	template <class C> static void run()
	{
		using A = typename C::arch;
		static_assert(A::table.nr_syscall_args == 6);
		check_syscall_args<A>(make_case<A, typename C::type, syscall_dec, 6>());
	}
};
[[maybe_unused]] const bool SyscallArg_registered =
	kp_per_type::add<Decode, SyscallArg>(Cases{}, "SyscallArg");

// ---- return values --------------------------------------------------------------------

template <class A> void check_return_values(const type_case &c)
{
	for (unsigned k = 0; k < c.words.size(); k++) {
		frame<A> f;
		f.ret() = c.words[k];
		i128 got = c.decoders[0](f.raw());
		ASSERT_EQ(str(got), str(c.expected[k]))
			<< c.arch << " return_value<" << c.type << ">: word " << hex(c.words[k]);
	}
}

struct ReturnValue {
	template <class C> static void run()
	{
		using A = typename C::arch;
		check_return_values<A>(make_case<A, typename C::type, ret_dec, 1>());
	}
};
[[maybe_unused]] const bool ReturnValue_registered =
	kp_per_type::add<Decode, ReturnValue>(Cases{}, "ReturnValue");

template <unsigned N, class F> void for_each_index(F &&f)
{
	[&]<unsigned... I>(std::integer_sequence<unsigned, I...>) {
		(f.template operator()<I>(), ...);
	}(std::make_integer_sequence<unsigned, N>{});
}

// ---- spot values, written out --------------------------------------------------------

class DecodeLiteral : public ::testing::Test {
protected:
	void SetUp() override { host::clear_read_faults(); }
};

// function_arg<A, T, i> for a run-time i (through the decoder table).
template <class A, class T> i128 arg_at(unsigned i, const void *regs)
{
	static const type_case c = make_case<A, T, arg_dec, model::abi<A>::nr_arg_regs + 3>();
	return c.decoders.at(i)(regs);
}
#define KP_EXPECT_ARG(T, value) EXPECT_EQ(str(arg_at<A, T>(i, f.raw())), str(canon<T>(value)))

KP_ARCH_TEST(DecodeLiteral, SpotValuesEveryPosition)
{
	for (unsigned i = 0; i < model::abi<A>::nr_arg_regs + 3; i++) {
		SCOPED_TRACE(testing::Message() << model::abi<A>::name << " argument " << i);
		frame<A> f;
		f.arg(i) = 0xdeadbeeffffffffeul;
		KP_EXPECT_ARG(int, -2);
		KP_EXPECT_ARG(unsigned, 0xfffffffeu);
		KP_EXPECT_ARG(long, -0x2152411000000002l);
		KP_EXPECT_ARG(unsigned long, 0xdeadbeeffffffffeul);
		KP_EXPECT_ARG(short, -2);
		KP_EXPECT_ARG(signed char, -2);
		KP_EXPECT_ARG(unsigned char, 254);
		KP_EXPECT_ARG(bool, true);

		f.arg(i) = 0xffffff00ul;
		KP_EXPECT_ARG(bool, false);
		f.arg(i) = 0xa5a5a5a5a5a5a500ul;
		KP_EXPECT_ARG(bool, false);
		f.arg(i) = 0xa5a5a5a5a5a5a501ul;
		KP_EXPECT_ARG(bool, true);

		f.arg(i) = 0xa5a5a5a5a5a5a5fful;
		KP_EXPECT_ARG(unsigned char, 255);
		KP_EXPECT_ARG(signed char, -1);
		KP_EXPECT_ARG(E8, E8::neg);
		KP_EXPECT_ARG(unsigned short, 0xa5ff);

		f.arg(i) = 0xdeadbeef00008000ul;
		KP_EXPECT_ARG(short, -32768);
		KP_EXPECT_ARG(unsigned short, 32768);
		KP_EXPECT_ARG(E16u, E16u::top);
		KP_EXPECT_ARG(int, 32768);

		f.arg(i) = 0xdeadbeeffffffffful;
		KP_EXPECT_ARG(E32, e32_max);
		KP_EXPECT_ARG(Plain, plain_neg);

		f.arg(i) = 0xffff888012345678ul;
		KP_EXPECT_ARG(const char *, reinterpret_cast<const char *>(0xffff888012345678ul));
		KP_EXPECT_ARG(const opaque *, reinterpret_cast<const opaque *>(0xffff888012345678ul));
	}
}
#undef KP_EXPECT_ARG

TEST(DecodeSyscall, X86Arg3IsR10NotCx)
{
	frame<X86> f;
	f.regs.cx = 0x1111111111111111ul; // clobbered by the syscall instruction
	f.regs.r10 = 0xa5a5a5a5fffffffdul;
	EXPECT_EQ((kpt::syscall_arg<X86, int, 3>(f.raw())), -3);
	EXPECT_EQ((kpt::syscall_arg<X86, unsigned long, 3>(f.raw())), 0xa5a5a5a5fffffffdul);
	// the function ABI does use cx
	EXPECT_EQ((kpt::function_arg<X86, unsigned long, 3>(f.raw())), 0x1111111111111111ul);
	f.regs.di = 10, f.regs.si = 11, f.regs.dx = 12, f.regs.r8 = 14, f.regs.r9 = 15;
	EXPECT_EQ((kpt::syscall_arg<X86, long, 0>(f.raw())), 10);
	EXPECT_EQ((kpt::syscall_arg<X86, long, 1>(f.raw())), 11);
	EXPECT_EQ((kpt::syscall_arg<X86, long, 2>(f.raw())), 12);
	EXPECT_EQ((kpt::syscall_arg<X86, long, 4>(f.raw())), 14);
	EXPECT_EQ((kpt::syscall_arg<X86, long, 5>(f.raw())), 15);
}

TEST(DecodeSyscall, Arm64Arg0IsOrigX0NotX0)
{
	frame<Arm> f;
	f.regs.regs[0] = 0xfffffffffffffff2ul; // x0 already holds the return value
	f.regs.orig_x0 = 0xa5a5a5a500000005ul;
	EXPECT_EQ((kpt::syscall_arg<Arm, int, 0>(f.raw())), 5);
	EXPECT_EQ((kpt::syscall_arg<Arm, const void *, 0>(f.raw())),
		  reinterpret_cast<const void *>(0xa5a5a5a500000005ul));
	EXPECT_EQ((kpt::function_arg<Arm, long, 0>(f.raw())), -14);
	for (unsigned i = 1; i < 6; i++)
		f.regs.regs[i] = 100 + i;
	EXPECT_EQ((kpt::syscall_arg<Arm, long, 1>(f.raw())), 101);
	EXPECT_EQ((kpt::syscall_arg<Arm, long, 3>(f.raw())), 103);
	EXPECT_EQ((kpt::syscall_arg<Arm, long, 5>(f.raw())), 105);
}

KP_ARCH_TEST(DecodeLiteral, ReturnValues)
{
	frame<A> f;
	f.ret() = 0xa5a5a5a5fffffff3ul; // int -13, upper half garbage
	EXPECT_EQ((kpt::return_value<A, int>(f.raw())), -13);
	EXPECT_EQ((kpt::return_value<A, unsigned>(f.raw())), 0xfffffff3u);
	f.ret() = 0xfffffffffffffff3ul;
	EXPECT_EQ((kpt::return_value<A, long>(f.raw())), -13l);
	EXPECT_EQ((kpt::return_value<A, long long>(f.raw())), -13ll);
	f.ret() = 0xffff888012345678ul;
	EXPECT_EQ((kpt::return_value<A, const opaque *>(f.raw())),
		  reinterpret_cast<const opaque *>(0xffff888012345678ul));
	// ERR_PTR(-ENOENT): the pointer value, and the same register as a long
	f.ret() = static_cast<unsigned long>(-2l);
	EXPECT_EQ((kpt::return_value<A, void *>(f.raw())), (void *)-2l);
	EXPECT_EQ((kpt::return_value<A, long>(f.raw())), -2l);
	EXPECT_EQ(reinterpret_cast<long>(kpt::return_value<A, opaque *>(f.raw())), -2l);
	f.ret() = 0xa5a5a5a5a5a5a500ul;
	EXPECT_FALSE((kpt::return_value<A, bool>(f.raw())));
	f.ret() = 0xa5a5a5a5a5a5a501ul;
	EXPECT_TRUE((kpt::return_value<A, bool>(f.raw())));
}

KP_ARCH_TEST(DecodeLiteral, BasicRegs)
{
	using M = model::abi<A>;
	frame<A> f;
	M::ip(f.regs) = 0xffffffff81000010ul;
	f.ret() = 0x1234;
	for (unsigned i = 0; i < M::nr_arg_regs; i++)
		M::arg(f.regs, i) = 0x1000 + i;
	kpt::basic_regs<A> r(f.raw());
	EXPECT_EQ(r.ip(), 0xffffffff81000010ul);
	EXPECT_EQ(r.sp(), reinterpret_cast<unsigned long>(&f.stack[frame<A>::stack_base]));
	EXPECT_EQ(r.return_reg(), M::ret(f.regs));
	for (unsigned i = 0; i < M::nr_arg_regs; i++)
		EXPECT_EQ(r.arg_reg(i), 0x1000ul + i) << i;
	EXPECT_EQ(r.arg_reg(M::nr_arg_regs), 0ul);
	EXPECT_EQ(r.arg_reg(100), 0ul);
	EXPECT_EQ(&r.raw(), &f.regs);
}

} // namespace

// An enum whose underlying type is bool follows the bool rule: the low byte.
enum class EBool : bool { no = false, yes = true };

TEST(DecodeEnum, BoolUnderlyingIsTheLowByte)
{
	frame<X86> f;
	f.regs.di = 0xffffffffffffff00ul; // garbage above a false low byte
	f.regs.si = 0xa5a5a5a5a5a5a501ul;
	EXPECT_EQ((kpt::function_arg<X86, EBool, 0>(f.raw())), EBool::no);
	EXPECT_EQ((kpt::function_arg<X86, EBool, 1>(f.raw())), EBool::yes);
	frame<Arm> g;
	g.regs.regs[0] = 0x0123456789abcd00ul;
	EXPECT_EQ((kpt::function_arg<Arm, EBool, 0>(g.raw())), EBool::no);
}
