// SPDX-License-Identifier: GPL-2.0
// framework/core/kp_registry.c against a fake kernel core (fake_backend.cpp),
// with hand-built descriptor arrays.
#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "fake_backend.h"

namespace {

// The translation-unit anchor of a file, as KP_PROBE would give it: one per file name.
const void *unit_of(const char *file)
{
	static std::map<std::string, char> units;
	return file ? &units[file] : nullptr;
}

int pre_a(struct kprobe *, struct pt_regs *) { return 0; }
int pre_b(struct kprobe *, struct pt_regs *) { return 0; }
int entry_a(struct kretprobe_instance *, struct pt_regs *) { return 0; }
int ret_a(struct kretprobe_instance *, struct pt_regs *) { return 0; }
int ret_b(struct kretprobe_instance *, struct pt_regs *) { return 0; }
void (*tp_slot_a)(void *, int) = nullptr;
void (*tp_slot_b)(void *, int) = nullptr;

kp_probe_desc kprobe(const char *sym, const char *file, unsigned line, unsigned seq,
		     kp_kprobe_pre_t *pre = pre_a, unsigned long offset = 0)
{
	kp_probe_desc d{};
	d.kind = KP_KIND_KPROBE, d.symbol = sym, d.offset = offset, d.pre = pre;
	d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}
kp_probe_desc kretprobe(const char *sym, const char *file, unsigned line, unsigned seq,
			kp_kretprobe_handler_t *ret = ret_a, kp_kretprobe_handler_t *entry = entry_a)
{
	kp_probe_desc d{};
	d.kind = KP_KIND_KRETPROBE, d.symbol = sym, d.entry = entry, d.ret = ret;
	d.data_size = 16, d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}
kp_probe_desc tracepoint(const char *name, const char *file, unsigned line, unsigned seq,
			 const void *slot = &tp_slot_a)
{
	kp_probe_desc d{};
	d.kind = KP_KIND_TRACEPOINT, d.symbol = name, d.tp_probe = slot;
	d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}

// A "kp_probes section": the descriptors, the pointer array, order[].
struct section {
	std::deque<kp_probe_desc> descs; // stable addresses
	std::vector<const kp_probe_desc *> entries;
	std::vector<unsigned> order;
	kp_registry r{};

	section &add(const kp_probe_desc &d)
	{
		descs.push_back(d);
		entries.push_back(&descs.back());
		return *this;
	}
	section &add_null()
	{
		entries.push_back(nullptr);
		return *this;
	}
	kp_registry *reg()
	{
		order.assign(entries.size(), 0xdeadu);
		r.begin = entries.data();
		r.end = entries.data() + entries.size();
		r.order = order.data();
		r.count = 0xdead, r.registered = 0xdead;
		return &r;
	}
	// order[] as "2 1 0 3"
	std::string order_str() const
	{
		std::string s;
		for (unsigned i = 0; i < r.count; i++)
			s += (i ? " " : "") + std::to_string(order[i]);
		return s;
	}
};

class Registry : public ::testing::Test {
protected:
	void SetUp() override { fake::reset(); }
	void TearDown() override
	{
		EXPECT_FALSE(fake::get().violation) << fake::get().violation_why;
	}
	fake::backend &be() { return fake::get(); }
};

TEST_F(Registry, Empty)
{
	section s;
	kp_registry *r = s.reg();
	EXPECT_EQ(kp_registry_prepare(r), 0);
	EXPECT_EQ(r->count, 0u);
	EXPECT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "");
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "S0");
}

TEST_F(Registry, RegistersInOrderUnregistersInReverse)
{
	section s;
	s.add(kprobe("do_sys_openat2", "probes/a.cpp", 10, 0))
		.add(kretprobe("inode_permission", "probes/a.cpp", 20, 1))
		.add(tracepoint("signal_generate", "probes/b.cpp", 5, 0))
		.add(kprobe("close_fd", "probes/c.cpp", 1, 0));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	EXPECT_EQ(r->count, 4u);
	EXPECT_EQ(r->registered, 0u);
	EXPECT_EQ(s.order_str(), "0 1 2 3");
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(r->registered, 4u);
	EXPECT_EQ(be().trace(), "R0 R1 R2 R3");
	for (unsigned i = 0; i < 4; i++)
		EXPECT_EQ(be().log[i].desc, s.entries[i]);
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R0 R1 R2 R3 U3 U2 U1 U0 S1"); // a tracepoint was registered
	EXPECT_EQ(r->registered, 0u);
	EXPECT_TRUE(be().live.empty());
	for (unsigned i = 0; i < 4; i++)
		EXPECT_EQ(be().log[4 + i].desc, s.entries[3 - i]);
}

TEST_F(Registry, SyncWithoutTracepoints)
{
	section s;
	s.add(kprobe("a", "f.cpp", 1, 0)).add(kretprobe("b", "f.cpp", 2, 1));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	ASSERT_EQ(kp_registry_register_all(r), 0);
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R0 R1 U1 U0 S0");
}

// g++ emits one file's entries in reverse; link order between files holds
// even when file names or line numbers would sort otherwise.
TEST_F(Registry, SortsWithinFileKeepsFileOrder)
{
	static const char z_file[] = "probes/z.cpp";
	static const char z_file_copy[] = "probes/z.cpp"; // same file, another string
	section s;
	s.add(kprobe("z30", z_file, 30, 5))	  // 0
		.add(kprobe("z20", z_file_copy, 20, 4)) // 1
		.add(kprobe("z10", z_file, 10, 3))	  // 2
		.add(kprobe("a5", "probes/a.cpp", 5, 0))  // 3: file after z, lower lines
		.add(kprobe("a7", "probes/a.cpp", 7, 1))  // 4: already sorted
		.add(kprobe("m40b", "probes/m.cpp", 40, 9)) // 5: same line, seq 9
		.add(kprobe("m40a", "probes/m.cpp", 40, 8)) // 6: same line, seq 8
		.add(kprobe("m2", "probes/m.cpp", 2, 7));	  // 7
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	EXPECT_EQ(s.order_str(), "2 1 0 3 4 7 6 5");
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R2 R1 R0 R3 R4 R7 R6 R5");
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R2 R1 R0 R3 R4 R7 R6 R5 U5 U6 U7 U4 U3 U0 U1 U2 S0");
}

// A probe declared in a header that a.cpp includes first belongs to a.cpp's
// translation unit and registers first: g++ emits [a:6, a:4, h:2].
TEST_F(Registry, HeaderProbesSortWithTheirTranslationUnit)
{
	static const char unit = 0;
	kp_probe_desc a6 = kprobe("a_second", "probes/a.cpp", 6, 2);
	kp_probe_desc a4 = kprobe("a_first", "probes/a.cpp", 4, 1);
	kp_probe_desc h2 = kprobe("from_header", "probes/h.hpp", 2, 0);
	a6.unit = a4.unit = h2.unit = &unit;
	section s;
	s.add(a6).add(a4).add(h2).add(kprobe("b", "probes/b.cpp", 1, 0));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	EXPECT_EQ(s.order_str(), "2 1 0 3");
}

// Registration fails at every possible position in turn: exactly the ones
// before it are unregistered, in reverse, the error is returned, and
// nothing stays registered.
TEST_F(Registry, RollbackAtEveryPosition)
{
	const int errs[] = { -16, -2, -22, -12, -1, -95 };
	for (unsigned k = 1; k <= 6; k++) {
		SCOPED_TRACE(testing::Message() << "failing registration " << k);
		fake::reset();
		section s; // registration order 2 1 0 3 4 5 (file f is reversed)
		s.add(kretprobe("r", "f.cpp", 3, 2))
			.add(tracepoint("t", "f.cpp", 2, 1)) // registered second
			.add(kprobe("k", "f.cpp", 1, 0))
			.add(kprobe("k", "g.cpp", 1, 0, pre_b))
			.add(tracepoint("t2", "g.cpp", 2, 1, &tp_slot_b))
			.add(kretprobe("r", "g.cpp", 3, 2, ret_b));
		const unsigned order[] = { 2, 1, 0, 3, 4, 5 };
		kp_registry *r = s.reg();
		ASSERT_EQ(kp_registry_prepare(r), 0);
		be().fail(k, errs[k - 1]);
		EXPECT_EQ(kp_registry_register_all(r), errs[k - 1]);
		EXPECT_EQ(r->registered, 0u);
		EXPECT_TRUE(be().live.empty());

		std::string want;
		for (unsigned i = 0; i + 1 < k; i++)
			want += "R" + std::to_string(order[i]) + " ";
		want += "F" + std::to_string(order[k - 1]);
		for (unsigned i = k - 1; i-- > 0;)
			want += " U" + std::to_string(order[i]);
		// sync tells whether a tracepoint had been registered (the 2nd probe)
		want += k > 2 ? " S1" : " S0";
		EXPECT_EQ(be().trace(), want);
		EXPECT_EQ(be().of(fake::call::sync).size(), 1u);

		// module exit after a failed init: nothing to unregister
		kp_registry_unregister_all(r);
		EXPECT_EQ(be().of(fake::call::unreg).size(), k - 1);
	}
}

TEST_F(Registry, DuplicateRejectedBeforeRegistering)
{
	static const char sym1[] = "do_sys_openat2";
	static const char sym2[] = "do_sys_openat2"; // equal content, other address
	section s;
	s.add(kprobe("vfs_read", "a.cpp", 1, 0))
		.add(kprobe(sym1, "a.cpp", 5, 1, pre_a, 0x10))
		.add(kprobe(sym2, "b.cpp", 9, 0, pre_a, 0x10));
	kp_registry *r = s.reg();
	EXPECT_EQ(kp_registry_prepare(r), -17);
	ASSERT_EQ(be().log.size(), 1u);
	const auto &c = be().log[0];
	EXPECT_EQ(c.kind, fake::call::invalid);
	// both copies are reported: the later one, and the first as `other`
	EXPECT_EQ(c.desc, s.entries[2]);
	EXPECT_EQ(c.other, s.entries[1]);
	EXPECT_FALSE(c.why.empty());
	EXPECT_TRUE(be().of(fake::call::reg).empty());
}

TEST_F(Registry, DuplicateKretprobeAndTracepoint)
{
	for (int which = 0; which < 2; which++) {
		fake::reset();
		section s;
		if (which == 0)
			s.add(kretprobe("f", "a.cpp", 1, 0)).add(kretprobe("f", "a.cpp", 2, 1));
		else
			s.add(tracepoint("sched_switch", "a.cpp", 1, 0))
				.add(tracepoint("sched_switch", "b.cpp", 1, 0));
		EXPECT_EQ(kp_registry_prepare(s.reg()), -17) << which;
		EXPECT_EQ(be().trace(), "I");
	}
}

// A KP_PROBE in a header included by two probe files: two thunks, one declaration.
TEST_F(Registry, DuplicateDeclarationFromAHeader)
{
	section s;
	s.add(kprobe("g", "a.cpp", 3, 0))
		.add(kprobe("f", "probes/common.h", 7, 4, pre_a))
		.add(kprobe("h", "b.cpp", 2, 0))
		.add(kprobe("f", "probes/common.h", 7, 1, pre_b));
	EXPECT_EQ(kp_registry_prepare(s.reg()), -17);
	EXPECT_EQ(be().trace(), "I");
	ASSERT_EQ(be().log.size(), 1u);
	EXPECT_EQ(be().log[0].desc, s.entries[3]);
	EXPECT_EQ(be().log[0].other, s.entries[1]);
}

// The kernel takes several probes on one symbol: only an exact copy is a duplicate.
TEST_F(Registry, NotDuplicates)
{
	section s;
	s.add(kprobe("f", "a.cpp", 1, 0))
		.add(kretprobe("f", "a.cpp", 2, 1))		  // other kind
		.add(kprobe("f", "a.cpp", 3, 2, pre_a, 8))	  // other offset
		.add(kprobe("f", "a.cpp", 4, 3, pre_b))		  // other handler
		.add(kretprobe("f", "a.cpp", 5, 4, ret_b))	  // other return handler
		.add(kretprobe("f", "a.cpp", 6, 5, ret_a, nullptr)) // other entry handler
		.add(tracepoint("f", "a.cpp", 7, 6))		  // tracepoint of that name
		.add(tracepoint("f", "a.cpp", 8, 7, &tp_slot_b))
		.add(kprobe("g", "a.cpp", 9, 8));		  // other symbol
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0) << be().trace();
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R0 R1 R2 R3 R4 R5 R6 R7 R8");
	kp_registry_unregister_all(r);
}

struct malformed_case {
	const char *name;
	kp_probe_desc d;
};

TEST_F(Registry, MalformedRejected)
{
	kp_probe_desc no_kind = kprobe("f", "a.cpp", 2, 0);
	no_kind.kind = 0;
	kp_probe_desc bad_kind = kprobe("f", "a.cpp", 2, 0);
	bad_kind.kind = 4;
	kp_probe_desc kret_off = kretprobe("f", "a.cpp", 2, 0);
	kret_off.offset = 4;
	const malformed_case cases[] = {
		{ "null symbol", kprobe(nullptr, "a.cpp", 2, 0) },
		{ "empty symbol", kprobe("", "a.cpp", 2, 0) },
		{ "tracepoint without name", tracepoint(nullptr, "a.cpp", 2, 0) },
		{ "kprobe without handler", kprobe("f", "a.cpp", 2, 0, nullptr) },
		{ "kretprobe without return handler", kretprobe("f", "a.cpp", 2, 0, nullptr) },
		{ "tracepoint without probe", tracepoint("t", "a.cpp", 2, 0, nullptr) },
		{ "kind 0", no_kind },
		{ "unknown kind", bad_kind },
		{ "kretprobe with offset", kret_off },
	};
	for (const auto &c : cases) {
		SCOPED_TRACE(c.name);
		fake::reset();
		section s;
		// valid probes around the bad one: still nothing is registered
		s.add(kprobe("ok1", "a.cpp", 1, 0)).add(c.d).add(kprobe("ok2", "a.cpp", 3, 1));
		kp_registry *r = s.reg();
		EXPECT_EQ(kp_registry_prepare(r), -22);
		ASSERT_EQ(be().log.size(), 1u);
		EXPECT_EQ(be().log[0].kind, fake::call::invalid);
		EXPECT_EQ(be().log[0].desc, s.entries[1]);
		EXPECT_EQ(be().log[0].other, nullptr);
		EXPECT_FALSE(be().log[0].why.empty());
	}
}

TEST_F(Registry, NullEntryRejected)
{
	section s;
	s.add(kprobe("f", "a.cpp", 1, 0)).add_null();
	EXPECT_EQ(kp_registry_prepare(s.reg()), -22);
	ASSERT_EQ(be().log.size(), 1u);
	EXPECT_EQ(be().log[0].desc, nullptr);
}

// A kretprobe without an entry handler and without data is fine.
TEST_F(Registry, KretprobeWithoutEntryHandler)
{
	section s;
	s.add(kretprobe("f", "a.cpp", 1, 0, ret_a, nullptr));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	ASSERT_EQ(kp_registry_register_all(r), 0);
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R0 U0 S0");
}

} // namespace
