// SPDX-License-Identifier: GPL-2.0
// framework/core/kp_registry.c against a fake kernel core (fake_backend.cpp),
// with hand-built descriptor arrays.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "registry_fixture.h"

namespace {

class Registry : public ::testing::Test {
protected:
	void SetUp() override { fake::reset(); }
	void TearDown() override
	{
		EXPECT_FALSE(fake::get().violation) << fake::get().violation_why;
	}
	fake::backend &be() { return fake::get(); }
	// prepare, register, unregister: the backend's trace (prepare must pass)
	std::string walk(section &s, bool with_rt = true)
	{
		kp_registry *r = s.reg(with_rt);
		EXPECT_EQ(kp_registry_prepare(r), 0);
		EXPECT_EQ(kp_registry_register_all(r), 0);
		kp_registry_unregister_all(r);
		return be().trace();
	}
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
	EXPECT_EQ(walk(s), "R0 R1 U1 U0 S0");
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
	EXPECT_EQ(walk(s), "R0 U0 S0");
}

// ---- without rt: every probe required and enabled, nothing named ----------------

TEST_F(Registry, WithoutRtEverythingIsRequired)
{
	section s;
	s.add(with_flags(kprobe("a", "f.cpp", 1, 0), KP_F_OPTIONAL))
		.add(named(kprobe("b", "f.cpp", 2, 1), "bee"))
		.add(tracepoint("t", "f.cpp", 3, 2));
	kp_registry *r = s.reg(false);
	ASSERT_EQ(kp_registry_prepare(r), 0);
	EXPECT_EQ(s.name(0), "");
	EXPECT_EQ(kp_registry_find(r, "bee", 3), -1);
	be().fail(1, -2); // KP_F_OPTIONAL means nothing without rt
	EXPECT_EQ(kp_registry_register_all(r), -2);
	EXPECT_EQ(be().trace(), "F0 S0");
	fake::reset();
	EXPECT_EQ(walk(s, false), "R0 R1 R2 U2 U1 U0 S1");
}

// ---- names --------------------------------------------------------------------

TEST_F(Registry, DerivedAndGivenNames)
{
	section s;
	s.add(kprobe("do_sys_openat2", "probes/open.cpp", 12, 0))		 // 0
		.add(named(kretprobe("inode_permission", "probes/open.cpp", 20, 1), "perm")) // 1
		.add(with_flags(kprobe("close_fd", "probes/c.c", 5, 0), KP_F_NAME_KIND_SYMBOL)) // 2
		.add(with_flags(kprobe("close_fd", "probes/c.c", 9, 1, pre_b, 0x1c),
				KP_F_NAME_KIND_SYMBOL))					  // 3
		.add(with_flags(kretprobe("close_fd", "probes/c.c", 12, 2), KP_F_NAME_KIND_SYMBOL)) // 4
		.add(with_flags(tracepoint("signal_generate", "probes/c.c", 30, 3),
				KP_F_NAME_KIND_SYMBOL));				  // 5
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0) << be().trace();
	EXPECT_EQ(s.name(0), "probes/open.cpp:12");
	EXPECT_EQ(s.name(1), "perm");
	EXPECT_EQ(s.name(2), "kprobe:close_fd");
	EXPECT_EQ(s.name(3), "kprobe:close_fd+0x1c");
	EXPECT_EQ(s.name(4), "kretprobe:close_fd");
	EXPECT_EQ(s.name(5), "tracepoint:signal_generate");
	EXPECT_EQ(kp_registry_find(r, "perm", 4), 1);
	EXPECT_EQ(kp_registry_find(r, "permx", 4), 1); // only the first len bytes
	EXPECT_EQ(kp_registry_find(r, "per", 3), -1);
	EXPECT_EQ(kp_registry_find(r, "kprobe:close_fd", 15), 2);
	EXPECT_EQ(be().trace(), "");
	for (unsigned i = 0; i < 6; i++) {
		EXPECT_EQ(s.state(i), (unsigned)KP_ST_NONE);
		EXPECT_EQ(s.rt[i].want, 0u);
	}
}

// Two files probing one function, or a probe on one line twice: derived
// names collide and get #2, #3 in registration order; a given name keeps
// its name and the derived one moves.
TEST_F(Registry, DerivedNamesMadeUnique)
{
	section s;
	s.add(with_flags(kretprobe("do_sys_openat2", "probes/b.c", 3, 0), KP_F_NAME_KIND_SYMBOL)) // 0
		.add(with_flags(kretprobe("do_sys_openat2", "probes/a.c", 7, 0, ret_b),
				KP_F_NAME_KIND_SYMBOL))		      // 1
		.add(kprobe("f", "probes/x.cpp", 4, 1))		      // 2, after 3 in order
		.add(kprobe("g", "probes/x.cpp", 4, 0))		      // 3
		.add(named(kprobe("h", "probes/y.cpp", 1, 0), "probes/x.cpp:4#2")) // 4: given
		.add(with_flags(kretprobe("do_sys_openat2", "probes/z.c", 1, 0, ret_b, nullptr),
				KP_F_NAME_KIND_SYMBOL)); // 5
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0) << be().trace();
	EXPECT_EQ(s.name(0), "kretprobe:do_sys_openat2");
	EXPECT_EQ(s.name(1), "kretprobe:do_sys_openat2#2");
	EXPECT_EQ(s.name(5), "kretprobe:do_sys_openat2#3");
	EXPECT_EQ(s.name(3), "probes/x.cpp:4");
	EXPECT_EQ(s.name(2), "probes/x.cpp:4#3"); // #2 is given to probe 4
	EXPECT_EQ(s.name(4), "probes/x.cpp:4#2");
}

TEST_F(Registry, LongDerivedNameKeepsItsEnd)
{
	std::string file(300, 'd');
	file += "/probe.cpp";
	section s;
	s.add(kprobe("f", file.c_str(), 77, 0));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	std::string n = s.name(0);
	EXPECT_EQ(n.size(), (size_t)KP_NAME_MAX - 1);
	EXPECT_EQ(n.substr(n.size() - 14), "d/probe.cpp:77") << n;
}

TEST_F(Registry, InvalidGivenNames)
{
	const std::string too_long(KP_NAME_MAX, 'n');
	const std::string longest(KP_NAME_MAX - 1, 'n');
	const struct {
		const char *name;
		const char *why; // part of the message
	} bad[] = {
		{ "", "empty" },     { "a b", "space" },	{ "a\tb", "space" },
		{ "a,b", "," },	     { "open*", "*" },		{ "op?n", "?" },
		{ "[ab]", "[" },     { "a\\b", "\\" },		{ "all", "all" },
		{ "42", "number" },  { "0", "number" },		{ "caf\xc3\xa9", "non-printable" },
		{ too_long.c_str(), "too long" },
	};
	for (const auto &b : bad) {
		SCOPED_TRACE(b.name);
		fake::reset();
		section s;
		s.add(kprobe("ok", "a.cpp", 1, 0)).add(named(kprobe("f", "a.cpp", 2, 1), b.name));
		EXPECT_EQ(kp_registry_prepare(s.reg()), -22);
		ASSERT_EQ(be().trace(), "I");
		EXPECT_EQ(be().log[0].desc, s.entries[1]);
		EXPECT_EQ(be().log[0].other, nullptr);
		EXPECT_NE(be().log[0].why.find(b.why), std::string::npos) << be().log[0].why;
		EXPECT_NE(be().log[0].why.find("the probe name"), std::string::npos);
	}
	for (const char *good : { "opens", "a-b_c.d:e/f+0x10#2", "all2", "x42", "42x", "ALL",
				  longest.c_str() }) {
		SCOPED_TRACE(good);
		fake::reset();
		section s;
		s.add(named(kprobe("f", "a.cpp", 2, 1), good));
		EXPECT_EQ(kp_registry_prepare(s.reg()), 0);
		EXPECT_EQ(s.name(0), good);
	}
}

// A name given twice: the load fails before anything registers, with one
// line naming both declarations (the later in registration order first).
// The checks run on hash chains (linear in the number of probes) and say
// what the pairwise ones said: among 1,000 distinct probes, two later
// copies of probe 500: the first copy is reported, with the original (the
// earliest), not with the other copy.
TEST_F(Registry, DuplicateAmongManyReportsTheFirstPair)
{
	std::vector<std::string> syms;
	for (unsigned i = 0; i < 1000; i++)
		syms.push_back("f" + std::to_string(i));
	section s;
	for (unsigned i = 0; i < 1000; i++)
		s.add(kprobe(syms[i].c_str(), "probes/m.cpp", i + 1, i));
	s.add(kprobe(syms[500].c_str(), "probes/m.cpp", 2000, 1000))
		.add(kprobe(syms[500].c_str(), "probes/m.cpp", 2001, 1001));
	EXPECT_EQ(kp_registry_prepare(s.reg()), -17);
	ASSERT_EQ(be().trace(), "I");
	EXPECT_EQ(be().log[0].desc, s.entries[1000]);
	EXPECT_EQ(be().log[0].other, s.entries[500]);
}

// Derived names among many: 200 probes on one tracepoint (each its own
// probe function) are named tracepoint:t, tracepoint:t#2 ... in
// registration order, around a given name that takes #7; a given name used
// three times is reported at its second use, with its first.
TEST_F(Registry, ManyDerivedNamesAndAThriceGivenName)
{
	static const char slots[200] = {};
	section s;
	for (unsigned i = 0; i < 200; i++)
		s.add(with_flags(tracepoint("t", "probes/m.cpp", i + 1, i, &slots[i]),
				 KP_F_NAME_KIND_SYMBOL));
	s.add(named(kprobe("g", "probes/n.cpp", 1, 0), "tracepoint:t#7"));
	ASSERT_EQ(kp_registry_prepare(s.reg()), 0) << be().trace();
	EXPECT_EQ(s.name(0), "tracepoint:t");
	EXPECT_EQ(s.name(1), "tracepoint:t#2");
	EXPECT_EQ(s.name(5), "tracepoint:t#6");
	EXPECT_EQ(s.name(6), "tracepoint:t#8"); // #7 is given
	EXPECT_EQ(s.name(199), "tracepoint:t#201");
	EXPECT_EQ(s.name(200), "tracepoint:t#7");

	section t;
	t.add(named(kprobe("a", "probes/p.cpp", 1, 0), "x"))
		.add(named(kprobe("b", "probes/p.cpp", 2, 1), "x"))
		.add(named(kprobe("c", "probes/p.cpp", 3, 2), "x"));
	be().log.clear();
	EXPECT_EQ(kp_registry_prepare(t.reg()), -17);
	ASSERT_EQ(be().trace(), "I");
	EXPECT_EQ(be().log[0].desc, t.entries[1]);
	EXPECT_EQ(be().log[0].other, t.entries[0]);
}

TEST_F(Registry, DuplicateGivenNameFailsTheLoad)
{
	section s;
	s.add(named(kprobe("f", "probes/b.cpp", 8, 1), "opens"))	  // 0: second in order
		.add(named(kprobe("g", "probes/b.cpp", 3, 0), "opens")) // 1: first
		.add(kprobe("h", "probes/c.cpp", 1, 0));
	kp_registry *r = s.reg();
	EXPECT_EQ(kp_registry_prepare(r), -17);
	ASSERT_EQ(be().trace(), "I");
	EXPECT_EQ(be().log[0].desc, s.entries[0]);
	EXPECT_EQ(be().log[0].other, s.entries[1]);
	EXPECT_NE(be().log[0].why.find("\"opens\""), std::string::npos) << be().log[0].why;
}

// ---- optional, excluded, disabled at load -----------------------------------------

TEST_F(Registry, OptionalProbeIsSkipped)
{
	section s;
	s.add(kprobe("a", "f.cpp", 1, 0))
		.add(with_flags(kprobe("no_such_function", "f.cpp", 2, 1), KP_F_OPTIONAL))
		.add(tracepoint("t", "f.cpp", 3, 2))
		.add(with_flags(tracepoint("no_such_tp", "f.cpp", 4, 3), KP_F_OPTIONAL));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	EXPECT_EQ(s.rt[1].want, (unsigned)KP_WANT_OPTIONAL);
	be().fail_idx[1] = -2;
	be().fail_idx[3] = -2;
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R0 F1 R2 F3");
	EXPECT_EQ(r->registered, 4u);
	EXPECT_EQ(s.state(0), (unsigned)KP_ST_ENABLED);
	EXPECT_EQ(s.state(1), (unsigned)KP_ST_SKIPPED);
	EXPECT_EQ(s.rt[1].error, -2);
	EXPECT_EQ(s.state(2), (unsigned)KP_ST_ENABLED);
	EXPECT_EQ(s.state(3), (unsigned)KP_ST_SKIPPED);
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R0 F1 R2 F3 U2 U0 S1");
	EXPECT_TRUE(be().live.empty());
	for (unsigned i = 0; i < 4; i++)
		EXPECT_EQ(s.state(i), (unsigned)KP_ST_NONE) << i;
}

// The same probe without KP_F_OPTIONAL fails the load and rolls back,
// passing over the optional one skipped before it.
TEST_F(Registry, RequiredFailureRollsBackPastSkipped)
{
	section s;
	s.add(kprobe("a", "f.cpp", 1, 0))
		.add(with_flags(kprobe("gone", "f.cpp", 2, 1), KP_F_OPTIONAL))
		.add(kretprobe("b", "f.cpp", 3, 2))
		.add(kprobe("no_such_function", "f.cpp", 4, 3))
		.add(kprobe("c", "f.cpp", 5, 4));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	be().fail_idx[1] = -2;
	be().fail_idx[3] = -2;
	EXPECT_EQ(kp_registry_register_all(r), -2);
	EXPECT_EQ(be().trace(), "R0 F1 R2 F3 U2 U0 S0");
	EXPECT_EQ(r->registered, 0u);
	EXPECT_TRUE(be().live.empty());
}

TEST_F(Registry, ExcludedAndDisabledAtLoad)
{
	section s;
	s.add(kprobe("a", "f.cpp", 1, 0))
		.add(kretprobe("b", "f.cpp", 2, 1))
		.add(tracepoint("t", "f.cpp", 3, 2))
		.add(kprobe("c", "f.cpp", 4, 3));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	s.rt[0].want |= KP_WANT_EXCLUDED | KP_WANT_DISABLED; // excluded wins
	s.rt[1].want |= KP_WANT_DISABLED;
	s.rt[2].want |= KP_WANT_DISABLED;
	s.rt[3].want |= KP_WANT_OPTIONAL;
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R1d R2d R3");
	EXPECT_EQ(s.state(0), (unsigned)KP_ST_EXCLUDED);
	EXPECT_EQ(s.state(1), (unsigned)KP_ST_DISABLED);
	EXPECT_EQ(s.state(2), (unsigned)KP_ST_DISABLED);
	EXPECT_EQ(s.state(3), (unsigned)KP_ST_ENABLED);
	kp_registry_unregister_all(r);
	// a disabled tracepoint is not on the tracepoint: nothing to wait for
	EXPECT_EQ(be().trace(), "R1d R2d R3 U3 U2 U1 S0");
}

// ---- begin, end, interval ----------------------------------------------------------

// Begin handlers run once, after every probe registered (in registration
// order, wherever they are declared); end handlers once, before the first
// unregistration; intervals register and unregister at their position.
TEST_F(Registry, BeginAfterEveryRegistrationEndBeforeTheFirstUnregistration)
{
	section s;
	s.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_a, "a.cpp", 1, 0))
		.add(kprobe("x", "a.cpp", 2, 1))
		.add(run_probe(KP_KIND_END, "end", run_end_a, "a.cpp", 3, 2))
		.add(run_probe(KP_KIND_INTERVAL, "interval", run_tick, "a.cpp", 4, 3, 100))
		.add(run_probe(KP_KIND_BEGIN, "b", run_begin_b, "b.c", 1, 4))
		.add(run_probe(KP_KIND_END, "e", run_end_b, "b.c", 2, 5))
		.add(tracepoint("t", "b.c", 3, 6));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R0 R1 R2 R3 R4 R5 R6 @begin_a @begin_b");
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R0 R1 R2 R3 R4 R5 R6 @begin_a @begin_b @end_a @end_b "
				"U6 U5 U4 U3 U2 U1 U0 S1");
	EXPECT_STREQ(kp_kind_name(KP_KIND_BEGIN), "begin");
	EXPECT_STREQ(kp_kind_name(KP_KIND_END), "end");
	EXPECT_STREQ(kp_kind_name(KP_KIND_INTERVAL), "interval");
}

// A failed load runs no begin handler, and its rollback no end handler.
TEST_F(Registry, RollbackRunsNeitherBeginNorEnd)
{
	section s;
	s.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_a, "a.cpp", 1, 0))
		.add(run_probe(KP_KIND_END, "end", run_end_a, "a.cpp", 2, 1))
		.add(kprobe("x", "a.cpp", 3, 2))
		.add(kprobe("no_such_function", "a.cpp", 4, 3));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	be().fail_idx[3] = -2;
	EXPECT_EQ(kp_registry_register_all(r), -2);
	EXPECT_EQ(be().trace(), "R0 R1 R2 F3 U2 U1 U0 S0");
	// an unload after that (the core never does one) runs no end handler either
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R0 R1 R2 F3 U2 U1 U0 S0 S0");
}

// Excluded and disabled begin/end probes do not run; the end handlers run
// once even if unregister_all were called twice.
TEST_F(Registry, ExcludedOrDisabledBeginEndDoNotRun)
{
	section s;
	s.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_a, "a.cpp", 1, 0))
		.add(run_probe(KP_KIND_BEGIN, "b", run_begin_b, "a.cpp", 2, 1))
		.add(run_probe(KP_KIND_END, "end", run_end_a, "a.cpp", 3, 2))
		.add(run_probe(KP_KIND_END, "e", run_end_b, "a.cpp", 4, 3));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	s.rt[0].want |= KP_WANT_EXCLUDED;
	s.rt[3].want |= KP_WANT_DISABLED;
	ASSERT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R1 R2 R3d @begin_b");
	kp_registry_unregister_all(r);
	kp_registry_unregister_all(r);
	EXPECT_EQ(be().trace(), "R1 R2 R3d @begin_b @end_a U3 U2 U1 S0 S0");
}

// What the registry refuses: no handler, a period of 0; and what makes two
// such probes the same probe (handler and period).
TEST_F(Registry, RunProbeValidationAndDuplicates)
{
	{
		section s;
		s.add(run_probe(KP_KIND_BEGIN, "begin", nullptr, "a.cpp", 1, 0));
		EXPECT_EQ(kp_registry_prepare(s.reg()), -KP_EINVAL);
	}
	{
		section s;
		s.add(run_probe(KP_KIND_INTERVAL, "interval", run_tick, "a.cpp", 1, 0, 0));
		EXPECT_EQ(kp_registry_prepare(s.reg()), -KP_EINVAL);
	}
	EXPECT_EQ(be().trace(), "I I");
	{
		section s; // two intervals, same handler, two periods: two probes
		s.add(run_probe(KP_KIND_INTERVAL, "interval", run_tick, "a.cpp", 1, 0, 100))
			.add(run_probe(KP_KIND_INTERVAL, "interval", run_tick, "a.cpp", 2, 1, 250))
			.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_a, "a.cpp", 3, 2))
			.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_b, "a.cpp", 4, 3));
		EXPECT_EQ(kp_registry_prepare(s.reg()), 0);
	}
	{
		section s; // the same begin handler twice: one probe twice
		s.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_a, "a.cpp", 1, 0))
			.add(run_probe(KP_KIND_BEGIN, "begin", run_begin_a, "a.cpp", 2, 1));
		EXPECT_EQ(kp_registry_prepare(s.reg()), -KP_EEXIST);
	}
}

// ---- text output --------------------------------------------------------------------

TEST(Out, NumbersStringsTruncation)
{
	char buf[16];
	kp_out o;
	kp_out_init(&o, buf, sizeof(buf));
	kp_out_uint(&o, 0);
	kp_out_str(&o, " ");
	kp_out_int(&o, -42);
	kp_out_str(&o, " ");
	kp_out_hex(&o, 0x1c);
	EXPECT_STREQ(buf, "0 -42 0x1c");
	EXPECT_EQ(o.len, 10u);
	kp_out_uint(&o, 18446744073709551615ul);
	EXPECT_STREQ(buf, "0 -42 0x1c18446"); // cut, terminated
	EXPECT_EQ(o.len, 30u);
	kp_out_init(&o, buf, sizeof(buf));
	kp_out_int(&o, -9223372036854775807l - 1);
	EXPECT_EQ(o.len, 20u);
	kp_out_init(&o, buf, sizeof(buf));
	kp_out_hex(&o, ~0ul);
	kp_out_mem(&o, "xyz", 0);
	EXPECT_EQ(o.len, 18u);
	EXPECT_STREQ(buf, "0xfffffffffffff");
	kp_out_init(&o, buf, 1);
	kp_out_str(&o, "abc");
	EXPECT_STREQ(buf, "");
	EXPECT_EQ(o.len, 3u);
}

// sprint_symbol's "name+0xOFF/0xSIZE [mod]": the offset kp_ftrace.c subtracts
// from an ftrace call site to get the function's start.
TEST(SymOffset, ParsesSprintSymbol)
{
	unsigned long off = 99;
	EXPECT_EQ(kp_sym_offset("kp_target_value+0x4/0x20 [kp_target]", &off), 0);
	EXPECT_EQ(off, 4ul);
	EXPECT_EQ(kp_sym_offset("vfs_read+0x0/0x2d0", &off), 0);
	EXPECT_EQ(off, 0ul);
	EXPECT_EQ(kp_sym_offset("f.constprop.0+0x1c/0x40", &off), 0);
	EXPECT_EQ(off, 0x1cul);
	for (const char *bad : { "0xffffffff81000000", "", "+0x4/0x20", "f+0x/0x20", "f+4/0x20",
				 "f+0x4", "f+0xg/0x20", "f [mod]+0x4/0x8", "f+0x11111111111111111/0x1" }) {
		SCOPED_TRACE(bad);
		off = 99;
		EXPECT_EQ(kp_sym_offset(bad, &off), -1);
		EXPECT_EQ(off, 99ul);
	}
}

void fentry_a(unsigned long, void *) {}

// A pattern probe whose limit is 0 or above KP_PATTERN_MAX is malformed; at the limits it is not.
TEST_F(Registry, PatternLimits)
{
	for (unsigned max : { 0u, KP_PATTERN_MAX + 1, 1u, KP_PATTERN_MAX }) {
		SCOPED_TRACE(max);
		fake::reset();
		section s;
		kp_probe_desc d = kprobe("kp_target_*", "a.cpp", 1, 0);
		d.kind = KP_KIND_FENTRY;
		d.pre = nullptr;
		d.fentry = fentry_a;
		d.flags = KP_F_PATTERN;
		d.max_funcs = max;
		s.add(d);
		EXPECT_EQ(kp_registry_prepare(s.reg()), max && max <= KP_PATTERN_MAX ? 0 : -22);
	}
}

} // namespace
