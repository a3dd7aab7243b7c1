// SPDX-License-Identifier: GPL-2.0
// The C++ DSL's part of run-time status: kp::Name and kp::Optional in the
// descriptor, the per-probe state KP_PROBE gives every probe, and the hits
// its thunks count (once per kprobe pre-handler, kretprobe return handler
// and tracepoint probe call); the names the registry derives for C++ probes.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "abi_model.h"
#include "registry_fixture.h"

namespace {

void on_open(int, const char *) {}
void on_io(long) {}
void at_offset(const kp::Regs &) {}
bool entry_keep(long) { return true; }
bool entry_skip(long) { return false; }
void on_return(long) {}
void on_tp(int, const char *) {}
void on_sys_open(int, kp::User<const char *>) {}

} // namespace

// clang-format off
constexpr unsigned line_open = __LINE__; KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Args<int, const char *>, kp::Name<"opens">>, on_open);
// one handler, one argument list, two symbols: two probes, two states
KP_PROBE(kp::Kprobe<"vfs_read", kp::Args<long>, kp::Optional>, on_io);
KP_PROBE(kp::Kprobe<"vfs_write", kp::Args<long>, kp::Name<"writes">, kp::Optional>, on_io);
KP_PROBE(kp::Kprobe<"vfs_read", kp::Offset<4>, kp::Optional, kp::Name<"read+4">>, at_offset);
KP_PROBE(kp::Kretprobe<"vfs_fsync", kp::Args<long>, kp::Returns<long>, kp::Name<"fsync">>, entry_keep, on_return);
KP_PROBE(kp::Kretprobe<"vfs_fsync_range", kp::Args<long>, kp::Returns<long>>, entry_skip, on_return);
KP_PROBE(kp::Tracepoint<"kp_target_hit", kp::Args<int, const char *>, kp::Name<"hit">>, on_tp);
KP_PROBE(kp::Syscall<"openat", kp::Args<int, kp::User<const char *>>, kp::Name<"sys-openat">>, on_sys_open);
KP_PROBE(kp::SyscallReturn<"openat", kp::Optional>, on_return);
// clang-format on

namespace {

using A = kp::arch::native;

extern "C" const kp_probe_desc *const __start_kp_probes[];
extern "C" const kp_probe_desc *const __stop_kp_probes[];

std::vector<const kp_probe_desc *> entries() { return { __start_kp_probes, __stop_kp_probes }; }

const kp_probe_desc *by_symbol(const char *sym, unsigned kind, unsigned long offset = 0)
{
	for (auto *d : entries())
		if (d->kind == kind && d->offset == offset && !std::strcmp(d->symbol, sym))
			return d;
	ADD_FAILURE() << "no descriptor for " << sym;
	return nullptr;
}

std::string name_of(const kp_probe_desc *d) { return d && d->name ? d->name : "(derived)"; }

TEST(DslStatus, NamesAndOptional)
{
	ASSERT_EQ(entries().size(), 9u);
	struct {
		const kp_probe_desc *d;
		const char *name;
		bool optional;
	} want[] = {
		{ by_symbol("do_sys_openat2", KP_KIND_KPROBE), "opens", false },
		{ by_symbol("vfs_read", KP_KIND_KPROBE), "(derived)", true },
		{ by_symbol("vfs_write", KP_KIND_KPROBE), "writes", true },
		{ by_symbol("vfs_read", KP_KIND_KPROBE, 4), "read+4", true },
		{ by_symbol("vfs_fsync", KP_KIND_KRETPROBE), "fsync", false },
		{ by_symbol("vfs_fsync_range", KP_KIND_KRETPROBE), "(derived)", false },
		{ by_symbol("kp_target_hit", KP_KIND_TRACEPOINT), "hit", false },
		{ by_symbol(KP_NATIVE_SYSCALL_PREFIX "openat", KP_KIND_KPROBE), "sys-openat", false },
		{ by_symbol(KP_NATIVE_SYSCALL_PREFIX "openat", KP_KIND_KRETPROBE), "(derived)", true },
	};
	for (const auto &w : want) {
		ASSERT_NE(w.d, nullptr);
		SCOPED_TRACE(w.d->symbol);
		EXPECT_EQ(name_of(w.d), w.name);
		EXPECT_EQ((w.d->flags & KP_F_OPTIONAL) != 0, w.optional);
		EXPECT_EQ(w.d->flags & KP_F_NAME_KIND_SYMBOL, 0u); // C++: <file>:<line>
		EXPECT_NE(w.d->state, nullptr);
	}
	// the flags the kinds set are kept
	EXPECT_EQ(want[7].d->flags, (unsigned)KP_F_SYSCALL);
	EXPECT_EQ(want[8].d->flags, (unsigned)(KP_F_SYSCALL | KP_F_OPTIONAL));
	// a name is a plain array of the descriptor's translation unit, not the
	// template argument object
	EXPECT_STREQ(want[0].d->name, "opens");
}

TEST(DslStatus, EveryProbeHasItsOwnState)
{
	auto es = entries();
	for (size_t i = 0; i < es.size(); i++)
		for (size_t j = 0; j < i; j++)
			EXPECT_NE(es[i]->state, es[j]->state) << es[i]->symbol << " " << es[j]->symbol;
	// one handler and argument list on two symbols: two thunks, each counting for its probe
	EXPECT_NE(by_symbol("vfs_read", KP_KIND_KPROBE)->pre, by_symbol("vfs_write", KP_KIND_KPROBE)->pre);
}

class Hits : public ::testing::Test {
protected:
	std::vector<unsigned long> counters = std::vector<unsigned long>(16);
	void SetUp() override
	{
		unsigned i = 0;
		for (auto *d : entries())
			d->state->hits = &counters[i++];
	}
	void TearDown() override
	{
		for (auto *d : entries())
			d->state->hits = nullptr;
	}
	static unsigned long hits(const kp_probe_desc *d) { return *d->state->hits; }
};

TEST_F(Hits, OncePerHandlerCall)
{
	model::frame<A> f;
	model::fake_kri<> kri;
	auto *open = by_symbol("do_sys_openat2", KP_KIND_KPROBE);
	auto *read = by_symbol("vfs_read", KP_KIND_KPROBE);
	auto *write = by_symbol("vfs_write", KP_KIND_KPROBE);
	auto *off = by_symbol("vfs_read", KP_KIND_KPROBE, 4);
	auto *fsync = by_symbol("vfs_fsync", KP_KIND_KRETPROBE);
	auto *range = by_symbol("vfs_fsync_range", KP_KIND_KRETPROBE);
	auto *tp = by_symbol("kp_target_hit", KP_KIND_TRACEPOINT);
	auto *sys = by_symbol(KP_NATIVE_SYSCALL_PREFIX "openat", KP_KIND_KPROBE);
	auto *sysret = by_symbol(KP_NATIVE_SYSCALL_PREFIX "openat", KP_KIND_KRETPROBE);
	unsigned long user[64] = {};
	f.arg(0) = reinterpret_cast<unsigned long>(user); // the syscall wrapper's pt_regs

	for (unsigned n = 1; n <= 3; n++) {
		EXPECT_EQ(open->pre(nullptr, f.pt()), 0);
		EXPECT_EQ(read->pre(nullptr, f.pt()), 0);
		EXPECT_EQ(read->pre(nullptr, f.pt()), 0);
		EXPECT_EQ(off->pre(nullptr, f.pt()), 0);
		EXPECT_EQ(sys->pre(nullptr, f.pt()), 0);
		EXPECT_EQ(hits(open), n);
		EXPECT_EQ(hits(read), 2 * n);
		EXPECT_EQ(hits(write), 0u); // the same thunk code, another probe
		EXPECT_EQ(hits(off), n);
		EXPECT_EQ(hits(sys), n);

		// kretprobes: the return handler counts, the entry handler does not
		EXPECT_EQ(fsync->entry(kri.ri(), f.pt()), 0);
		EXPECT_EQ(hits(fsync), n - 1);
		EXPECT_EQ(fsync->ret(kri.ri(), f.pt()), 0);
		EXPECT_EQ(hits(fsync), n);
		// an entry handler's false: the kernel calls no return handler, no hit
		EXPECT_EQ(range->entry(kri.ri(), f.pt()), 1);
		EXPECT_EQ(hits(range), 0u);
		EXPECT_EQ(sysret->ret(kri.ri(), f.pt()), 0);
		EXPECT_EQ(hits(sysret), n);

		auto fn = *static_cast<void (*const *)(void *, int, const char *)>(tp->tp_probe);
		fn(tp->state->hits, 1, "repeat"); // the core's data: the counter
		EXPECT_EQ(hits(tp), n);
	}
}

// The registry names C++ probes: given, or <file>:<line> of the KP_PROBE.
TEST(DslStatus, RegistryNames)
{
	std::vector<unsigned> wants;
	const std::string at = std::string(__FILE__) + ":";
	const std::vector<std::string> want = {
		"opens",
		at + std::to_string(line_open + 2),
		"writes",
		"read+4",
		"fsync",
		at + std::to_string(line_open + 6),
		"hit",
		"sys-openat",
		at + std::to_string(line_open + 9),
	};
	EXPECT_EQ(registry_names(entries(), &wants), want) << fake::get().trace();
	ASSERT_EQ(wants.size(), want.size());
	EXPECT_EQ(wants[0], 0u);
	EXPECT_EQ(wants[1], (unsigned)KP_WANT_OPTIONAL);
}

} // namespace
