// SPDX-License-Identifier: GPL-2.0
// KP_PROBE itself, compiled for the host (native arch: the host's), twice:
// with KP_SYSCALL_WRAPPER=1 and =0.  The descriptors are found where the
// module finds them, in the "kp_probes" section (bracketed on the host by
// the linker's __start_/__stop_ symbols), and called through.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "abi_model.h"
#include "descriptors.h"
#include "fake_backend.h"

#ifndef KP_SYSCALL_WRAPPER
#error "compiled twice, with KP_SYSCALL_WRAPPER=1 and =0"
#endif

// UAPI layout, as probes/open.cpp mirrors it (types.hpp declares it globally).
struct open_how {
	kp::u64 flags, mode, resolve;
};

namespace {

using A = kp::arch::native;
using M = model::abi<A>;
template <class... T> using L = kpt::meta::list<T...>;
// The state KP_PROBE(P, H...) gives its probe, which its thunks count hits in.
template <class P, auto... H> constexpr kp_probe_state *state_of = P::template state<H...>;
using OpenP = kp::Kprobe<"do_sys_openat2", kp::Args<int, const char *, const open_how *>>;
using OffsetP = kp::Kprobe<"vfs_read", kp::Offset<0x10>>;
using PermP = kp::Kretprobe<"inode_permission", kp::Args<const void *, const inode *, int>,
			    kp::Returns<int>, kp::Data<struct perm_call>, kp::MaxActive<16>>;
using SignalP =
	kp::Tracepoint<"signal_generate", kp::Args<int, kernel_siginfo *, task_struct *, int, int>>;
using OpenatArgs = kp::Args<int, kp::User<const char *>, int, kp::umode_t>;
using OpenatP = kp::Syscall<"openat", OpenatArgs>;
using OpenatRetP = kp::SyscallReturn<"openat", OpenatArgs, kp::Data<struct openat_call>>;

struct perm_call {
	const inode *node;
	int mask;
	char pad[20];
};
struct openat_call {
	char name[64];
};

struct {
	int calls;
	long a, b, c, d;
	const void *p;
	unsigned long ip;
	bool data_zero;
} seen;

void on_open(int dfd, const char *filename, const open_how *how)
{
	seen.calls++;
	seen.a = dfd, seen.p = filename, seen.b = reinterpret_cast<long>(how);
}
void at_offset(const kp::Regs &r)
{
	seen.calls++;
	seen.ip = r.ip();
}
bool perm_entry(perm_call &c, const void *, const inode *node, int mask)
{
	seen.calls++;
	seen.data_zero = c.node == nullptr && c.mask == 0;
	c.node = node, c.mask = mask;
	return mask != 0;
}
void perm_return(perm_call &c, int ret)
{
	seen.calls++;
	seen.p = c.node, seen.a = c.mask, seen.b = ret;
}
void write_return(long ret)
{
	seen.calls++;
	seen.b = ret;
}
void on_signal(int sig, kernel_siginfo *, task_struct *task, int group, int result)
{
	seen.calls++;
	seen.a = sig, seen.p = task, seen.b = group, seen.c = result;
}
void on_openat(int dfd, kp::User<const char *> filename, int flags, kp::umode_t mode)
{
	seen.calls++;
	seen.a = dfd, seen.p = reinterpret_cast<const void *>(filename.addr()), seen.b = flags,
	seen.c = mode;
}
bool openat_entry(openat_call &c, int dfd, kp::User<const char *>, int flags, kp::umode_t)
{
	seen.calls++;
	seen.data_zero = c.name[0] == 0 && c.name[63] == 0;
	c.name[0] = 'x';
	seen.a = dfd, seen.b = flags;
	return true;
}
void openat_return(openat_call &c, long ret)
{
	seen.calls++;
	seen.c = c.name[0], seen.d = ret;
}
void first_on_line(int) { seen.calls++; }
void second_on_line(long) { seen.calls++; }

} // namespace

// clang-format off
constexpr unsigned line_open = __LINE__; KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Args<int, const char *, const open_how *>>, on_open);
constexpr unsigned line_offset = __LINE__; KP_PROBE(kp::Kprobe<"vfs_read", kp::Offset<0x10>>, at_offset);
constexpr unsigned line_perm = __LINE__; KP_PROBE(kp::Kretprobe<"inode_permission", kp::Args<const void *, const inode *, int>, kp::Returns<int>, kp::Data<perm_call>, kp::MaxActive<16>>, perm_entry, perm_return);
constexpr unsigned line_write = __LINE__; KP_PROBE(kp::Kretprobe<"vfs_write", kp::Returns<long>>, write_return);
constexpr unsigned line_signal = __LINE__; KP_PROBE(kp::Tracepoint<"signal_generate", kp::Args<int, kernel_siginfo *, task_struct *, int, int>>, on_signal);
constexpr unsigned line_openat = __LINE__; KP_PROBE(kp::Syscall<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>>, on_openat);
constexpr unsigned line_openat_ret = __LINE__; KP_PROBE(kp::SyscallReturn<"openat", kp::Args<int, kp::User<const char *>, int, kp::umode_t>, kp::Data<openat_call>>, openat_entry, openat_return);
constexpr unsigned line_two = __LINE__; KP_PROBE(kp::Kprobe<"same_line_first", kp::Args<int>>, first_on_line); KP_PROBE(kp::Kprobe<"same_line_second", kp::Args<long>>, second_on_line);
constexpr unsigned line_lambda = __LINE__; KP_PROBE(kp::Kprobe<"with_lambda", kp::Args<unsigned char>>, [](unsigned char c) { seen.calls++; seen.a = c; });
// clang-format on

namespace {

const char *const this_file = __FILE__;
constexpr unsigned probes_here = 10;

#if KP_SYSCALL_WRAPPER
constexpr const char *openat_symbol = KP_NATIVE_SYSCALL_PREFIX "openat";
#else
constexpr const char *openat_symbol = "sys_openat";
#endif

const kp_probe_desc *find(const char *symbol, unsigned kind)
{
	const kp_probe_desc *found = nullptr;
	for (const kp_probe_desc *d : section_entries())
		if (d && d->kind == kind && d->symbol && !std::strcmp(d->symbol, symbol) &&
		    !std::strcmp(d->file, this_file)) {
			EXPECT_EQ(found, nullptr) << "two descriptors for " << symbol;
			found = d;
		}
	EXPECT_NE(found, nullptr) << "no descriptor for " << symbol;
	return found;
}

class Descriptor : public ::testing::Test {
protected:
	void SetUp() override
	{
		std::memset(&seen, 0, sizeof(seen));
		host::clear_read_faults();
	}
};

void expect_common(const kp_probe_desc *d, unsigned line)
{
	EXPECT_STREQ(d->file, this_file);
	EXPECT_EQ(d->line, line);
}

TEST_F(Descriptor, SectionHoldsThisFilesProbes)
{
	unsigned n = 0;
	for (const kp_probe_desc *d : section_entries()) {
		ASSERT_NE(d, nullptr);
		n += !std::strcmp(d->file, this_file);
	}
	EXPECT_EQ(n, probes_here);
	EXPECT_EQ(section_entries().size(), probes_here + other_file_probes);
}

TEST_F(Descriptor, Kprobe)
{
	const kp_probe_desc *d = find("do_sys_openat2", KP_KIND_KPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_open);
	EXPECT_EQ(d->flags, 0u);
	EXPECT_EQ(d->offset, 0ul);
	EXPECT_EQ(d->pre, (&kpt::kprobe_thunk<A, L<int, const char *, const open_how *>, false, false,
					      &on_open, state_of<OpenP, on_open>>::pre));
	EXPECT_EQ(d->entry, nullptr);
	EXPECT_EQ(d->ret, nullptr);
	EXPECT_EQ(d->tp_probe, nullptr);
	EXPECT_EQ(d->data_size, 0u);
	EXPECT_EQ(d->maxactive, 0);

	model::frame<A> f;
	f.arg(0) = 0xa5a5a5a5ffffff9cul;
	f.arg(1) = 0x00007ffc00001000ul;
	f.arg(2) = 0xffff888000005000ul;
	EXPECT_EQ(d->pre(nullptr, f.pt()), 0);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, -100);
	EXPECT_EQ(seen.p, reinterpret_cast<const void *>(0x00007ffc00001000ul));
	EXPECT_EQ(seen.b, static_cast<long>(0xffff888000005000ul));
}

TEST_F(Descriptor, KprobeAtOffset)
{
	const kp_probe_desc *d = find("vfs_read", KP_KIND_KPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_offset);
	EXPECT_EQ(d->offset, 0x10ul);
	EXPECT_EQ(d->flags, 0u);
	EXPECT_EQ(d->pre, (&kpt::offset_thunk<A, &at_offset, state_of<OffsetP, at_offset>>::pre));
	model::frame<A> f;
	M::ip(f.regs) = 0xffffffff81000010ul;
	EXPECT_EQ(d->pre(nullptr, f.pt()), 0);
	EXPECT_EQ(seen.ip, 0xffffffff81000010ul);
}

TEST_F(Descriptor, KretprobeWithData)
{
	const kp_probe_desc *d = find("inode_permission", KP_KIND_KRETPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_perm);
	EXPECT_EQ(d->flags, 0u);
	EXPECT_EQ(d->offset, 0ul);
	EXPECT_EQ(d->pre, nullptr);
	EXPECT_EQ(d->tp_probe, nullptr);
	EXPECT_EQ(d->data_size, sizeof(perm_call));
	EXPECT_EQ(d->maxactive, 16);
	using T = kpt::kretprobe_thunk<A, L<const void *, const inode *, int>, false, false, int,
				       perm_call, &perm_entry, &perm_return,
				       state_of<PermP, perm_entry, perm_return>>;
	EXPECT_EQ(d->entry, &T::entry);
	EXPECT_EQ(d->ret, &T::ret);

	model::fake_kri<> kri;
	model::frame<A> f;
	f.arg(1) = 0xffff888000006000ul;
	f.arg(2) = 0xa5a5a5a500000004ul; // MAY_READ
	EXPECT_EQ(d->entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_zero);
	f.ret() = 0xa5a5a5a5fffffff3ul; // -EACCES
	EXPECT_EQ(d->ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.calls, 2);
	EXPECT_EQ(seen.p, reinterpret_cast<const void *>(0xffff888000006000ul));
	EXPECT_EQ(seen.a, 4);
	EXPECT_EQ(seen.b, -13);
	f.arg(2) = 0xa5a5a5a500000000ul; // mask 0: entry handler says skip
	EXPECT_EQ(d->entry(kri.ri(), f.pt()), 1);
}

TEST_F(Descriptor, KretprobeReturnOnly)
{
	const kp_probe_desc *d = find("vfs_write", KP_KIND_KRETPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_write);
	EXPECT_EQ(d->entry, nullptr);
	EXPECT_NE(d->ret, nullptr);
	EXPECT_EQ(d->data_size, 0u);
	EXPECT_EQ(d->maxactive, 0);
	model::fake_kri<> kri;
	model::frame<A> f;
	f.ret() = static_cast<unsigned long>(-28l);
	EXPECT_EQ(d->ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.b, -28);
}

TEST_F(Descriptor, Tracepoint)
{
	const kp_probe_desc *d = find("signal_generate", KP_KIND_TRACEPOINT);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_signal);
	EXPECT_EQ(d->flags, 0u);
	EXPECT_EQ(d->pre, nullptr);
	EXPECT_EQ(d->entry, nullptr);
	EXPECT_EQ(d->ret, nullptr);
	using T = kpt::tracepoint_thunk<L<int, kernel_siginfo *, task_struct *, int, int>, &on_signal,
					state_of<SignalP, on_signal>>;
	EXPECT_EQ(d->tp_probe, &T::slot);
	// as kp_main.c does: the slot read as a void *, called with TP_PROTO
	void *fn = *static_cast<void *const *>(d->tp_probe);
	EXPECT_EQ(fn, reinterpret_cast<void *>(&T::probe));
	auto *task = reinterpret_cast<task_struct *>(0xffff888000007000ul);
	reinterpret_cast<void (*)(void *, int, kernel_siginfo *, task_struct *, int, int)>(fn)(
		nullptr, 15, nullptr, task, 1, 2);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, 15);
	EXPECT_EQ(seen.p, task);
	EXPECT_EQ(seen.b, 1);
	EXPECT_EQ(seen.c, 2);
}

// The user's openat registers; the function-ABI registers that differ from
// the syscall ones hold decoys.
void set_user_openat(model::frame<A> &u)
{
	u.sys(0) = 0xa5a5a5a5ffffff9cul;
	u.sys(1) = 0x00007ffc00001000ul;
	u.sys(2) = 0xa5a5a5a500080241ul;
	u.sys(3) = 0xa5a5a5a5a5a501a4ul;
	for (unsigned i = 0; i < 4; i++)
		if (&M::arg(u.regs, i) != &M::sys(u.regs, i))
			M::arg(u.regs, i) = 0x1ff;
}

TEST_F(Descriptor, Syscall)
{
	const kp_probe_desc *d = find(openat_symbol, KP_KIND_KPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_openat);
	EXPECT_EQ(d->flags, (unsigned)KP_F_SYSCALL);
	EXPECT_EQ(d->offset, 0ul);
	EXPECT_EQ(d->pre, (&kpt::kprobe_thunk<A, L<int, kp::User<const char *>, int, kp::umode_t>, true,
					      KP_SYSCALL_WRAPPER == 1, &on_openat,
					      state_of<OpenatP, on_openat>>::pre));

	model::frame<A> user;
	set_user_openat(user);
#if KP_SYSCALL_WRAPPER
	model::frame<A> f; // __<arch>_sys_openat(const struct pt_regs *)
	f.arg(0) = reinterpret_cast<unsigned long>(&user.regs);
	EXPECT_EQ(d->pre(nullptr, f.pt()), 0);
#else
	model::frame<A> f; // sys_openat(int, const char *, int, umode_t): function ABI
	for (unsigned i = 0; i < 4; i++)
		f.arg(i) = user.sys(i);
	for (unsigned i = 0; i < 4; i++)
		if (&M::arg(f.regs, i) != &M::sys(f.regs, i))
			M::sys(f.regs, i) = 0x1ff;
	EXPECT_EQ(d->pre(nullptr, f.pt()), 0);
#endif
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, -100);
	EXPECT_EQ(seen.p, reinterpret_cast<const void *>(0x00007ffc00001000ul));
	EXPECT_EQ(seen.b, 0x80241);
	EXPECT_EQ(seen.c, 0644);
}

TEST_F(Descriptor, SyscallReturn)
{
	const kp_probe_desc *d = find(openat_symbol, KP_KIND_KRETPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_openat_ret);
	EXPECT_EQ(d->flags, (unsigned)KP_F_SYSCALL);
	EXPECT_EQ(d->data_size, sizeof(openat_call));
	EXPECT_EQ(d->maxactive, 0);
	using T = kpt::kretprobe_thunk<A, L<int, kp::User<const char *>, int, kp::umode_t>, true,
				       KP_SYSCALL_WRAPPER == 1, long, openat_call, &openat_entry,
				       &openat_return, state_of<OpenatRetP, openat_entry, openat_return>>;
	EXPECT_EQ(d->entry, &T::entry);
	EXPECT_EQ(d->ret, &T::ret);

	model::fake_kri<> kri;
	model::frame<A> user;
	set_user_openat(user);
	model::frame<A> f;
#if KP_SYSCALL_WRAPPER
	f.arg(0) = reinterpret_cast<unsigned long>(&user.regs);
#else
	for (unsigned i = 0; i < 4; i++)
		f.arg(i) = user.sys(i);
#endif
	EXPECT_EQ(d->entry(kri.ri(), f.pt()), 0);
	EXPECT_TRUE(seen.data_zero);
	EXPECT_EQ(seen.a, -100);
	EXPECT_EQ(seen.b, 0x80241);
	f.ret() = 3;
	EXPECT_EQ(d->ret(kri.ri(), f.pt()), 0);
	EXPECT_EQ(seen.c, 'x');
	EXPECT_EQ(seen.d, 3);
}

TEST_F(Descriptor, SyscallSymbolSpelling)
{
#if KP_SYSCALL_WRAPPER
#if defined(__x86_64__)
	EXPECT_NE(find("__x64_sys_openat", KP_KIND_KPROBE), nullptr);
#elif defined(__aarch64__)
	EXPECT_NE(find("__arm64_sys_openat", KP_KIND_KPROBE), nullptr);
#endif
#else
	EXPECT_NE(find("sys_openat", KP_KIND_KPROBE), nullptr);
#endif
}

TEST_F(Descriptor, LambdaHandler)
{
	const kp_probe_desc *d = find("with_lambda", KP_KIND_KPROBE);
	ASSERT_NE(d, nullptr);
	expect_common(d, line_lambda);
	model::frame<A> f;
	f.arg(0) = 0xa5a5a5a5a5a5a5c8ul;
	EXPECT_EQ(d->pre(nullptr, f.pt()), 0);
	EXPECT_EQ(seen.calls, 1);
	EXPECT_EQ(seen.a, 0xc8);
}

// seq (__COUNTER__) increases in declaration order, also on one line.
TEST_F(Descriptor, SeqIncreasesInDeclarationOrder)
{
	const kp_probe_desc *first = find("same_line_first", KP_KIND_KPROBE);
	const kp_probe_desc *second = find("same_line_second", KP_KIND_KPROBE);
	ASSERT_TRUE(first && second);
	EXPECT_EQ(first->line, line_two);
	EXPECT_EQ(second->line, line_two);
	EXPECT_LT(first->seq, second->seq);

	std::vector<const kp_probe_desc *> mine;
	for (const kp_probe_desc *d : section_entries())
		if (!std::strcmp(d->file, this_file))
			mine.push_back(d);
	std::sort(mine.begin(), mine.end(), [](auto *a, auto *b) {
		return a->line != b->line ? a->line < b->line : a->seq < b->seq;
	});
	for (size_t i = 1; i < mine.size(); i++) {
		EXPECT_LT(mine[i - 1]->seq, mine[i]->seq) << mine[i]->symbol;
		EXPECT_LE(mine[i - 1]->line, mine[i]->line) << mine[i]->symbol;
	}
}

// The registry over the real section: one run per object file in link
// order (this file is linked first), declaration order within each, and
// every probe registered once.
TEST_F(Descriptor, RegistryOrderOverRealSection)
{
	fake::reset();
	auto entries = section_entries();
	std::vector<unsigned> order(entries.size());
	kp_registry r{};
	r.begin = entries.data();
	r.end = entries.data() + entries.size();
	r.order = order.data();
	ASSERT_EQ(kp_registry_prepare(&r), 0) << fake::get().trace();
	ASSERT_EQ(kp_registry_register_all(&r), 0);
	const auto regs = fake::get().of(fake::call::reg);
	ASSERT_EQ(regs.size(), entries.size());
	for (size_t i = 0; i < regs.size(); i++) {
		const kp_probe_desc *d = regs[i].desc;
		bool mine = !std::strcmp(d->file, this_file);
		EXPECT_EQ(mine, i < probes_here) << i << " " << d->symbol << " " << d->file;
		if (i > 0 && !std::strcmp(regs[i - 1].desc->file, d->file)) {
			const kp_probe_desc *p = regs[i - 1].desc;
			EXPECT_TRUE(p->line < d->line || (p->line == d->line && p->seq < d->seq))
				<< p->symbol << " before " << d->symbol;
		}
	}
	EXPECT_STREQ(regs[0].desc->symbol, "do_sys_openat2");
	EXPECT_STREQ(regs[probes_here - 1].desc->symbol, "with_lambda");
	kp_registry_unregister_all(&r);
	EXPECT_TRUE(fake::get().live.empty());
	EXPECT_FALSE(fake::get().violation) << fake::get().violation_why;
	EXPECT_EQ(fake::get().of(fake::call::sync).back().arg, 1); // a tracepoint was registered
}

} // namespace
