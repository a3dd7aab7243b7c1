// SPDX-License-Identifier: GPL-2.0
// framework/core/kp_control.c against the fake kernel core: the module
// parameters that select probes, the control file's commands, the status
// file's lines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "registry_fixture.h"

namespace {

class Control : public ::testing::Test {
protected:
	section s;
	kp_registry *r = nullptr;

	// registration order 0..5 is begin[] order: one file, seq ascending
	void SetUp() override
	{
		fake::reset();
		s.add(named(kprobe("do_sys_openat2", "probes/open.cpp", 10, 0), "opens"))	   // 0
			.add(kretprobe("inode_permission", "probes/open.cpp", 20, 1))	   // 1
			.add(named(tracepoint("signal_generate", "probes/open.cpp", 30, 2), "sig")) // 2
			.add(with_flags(kprobe("close_fd", "probes/open.cpp", 40, 3, pre_b, 0x8),
					KP_F_NAME_KIND_SYMBOL))				   // 3
			.add(named(with_flags(kprobe("no_such_function", "probes/open.cpp", 50, 4),
					      KP_F_OPTIONAL),
				   "missing"))							   // 4
			.add(named(kprobe("vfs_read", "probes/open.cpp", 60, 5), "reads"));	   // 5
		r = s.reg();
		ASSERT_EQ(kp_registry_prepare(r), 0) << be().trace();
	}
	void TearDown() override { EXPECT_FALSE(be().violation) << be().violation_why; }
	static fake::backend &be() { return fake::get(); }

	void load()
	{
		be().fail_idx[4] = -2;
		ASSERT_EQ(kp_registry_register_all(r), 0);
		be().log.clear();
	}
	int ctl(const std::string &cmd) { return kp_registry_control(r, cmd.data(), cmd.size()); }
	std::string states() const
	{
		std::string v;
		for (unsigned i = 0; i < r->count; i++)
			v += "-EDSX"[s.state(i)];
		return v;
	}
	std::string one_message() const
	{
		auto m = be().messages();
		return m.size() == 1 ? m[0] : "(" + std::to_string(m.size()) + " messages)";
	}
};

// ---- module parameters ------------------------------------------------------------

TEST_F(Control, SelectNamesAndPatterns)
{
	EXPECT_EQ(kp_registry_select(r, "disabled", "opens,probes/open.cpp:*", KP_WANT_DISABLED), 0);
	EXPECT_EQ(kp_registry_select(r, "excluded", " sig , ,reads,\n", KP_WANT_EXCLUDED), 0);
	EXPECT_EQ(kp_registry_select(r, "disabled", "kprobe:close_fd+0x8", KP_WANT_DISABLED), 0);
	EXPECT_EQ(kp_registry_select(r, "disabled", "nomatch*,[xyz]?", KP_WANT_DISABLED), 0);
	EXPECT_EQ(kp_registry_select(r, "disabled", nullptr, KP_WANT_DISABLED), 0);
	EXPECT_EQ(kp_registry_select(r, "disabled", "", KP_WANT_DISABLED), 0);
	EXPECT_TRUE(be().messages().empty());
	EXPECT_EQ(s.rt[0].want, (unsigned)KP_WANT_DISABLED);
	EXPECT_EQ(s.rt[1].want, (unsigned)KP_WANT_DISABLED); // the pattern: probes/open.cpp:20
	EXPECT_EQ(s.rt[2].want, (unsigned)KP_WANT_EXCLUDED);
	EXPECT_EQ(s.rt[3].want, (unsigned)KP_WANT_DISABLED);
	EXPECT_EQ(s.rt[4].want, (unsigned)KP_WANT_OPTIONAL); // KP_F_OPTIONAL
	EXPECT_EQ(s.rt[5].want, (unsigned)KP_WANT_EXCLUDED);
	kp_registry_want_all(r, KP_WANT_OPTIONAL);
	for (unsigned i = 0; i < r->count; i++)
		EXPECT_TRUE(s.rt[i].want & KP_WANT_OPTIONAL) << i;
	EXPECT_EQ(kp_registry_register_all(r), 0);
	EXPECT_EQ(be().trace(), "R0d R1d R3d R4");
	EXPECT_EQ(states(), "DDXDEX");
	kp_registry_unregister_all(r);
}

TEST_F(Control, SelectPatternsAreShellPatterns)
{
	EXPECT_EQ(kp_registry_select(r, "disabled", "?ig,re[a-d]ds,kprobe:*", KP_WANT_DISABLED), 0);
	std::string got;
	for (unsigned i = 0; i < r->count; i++)
		got += s.rt[i].want & KP_WANT_DISABLED ? '1' : '0';
	EXPECT_EQ(got, "001101");
}

// An unknown name is a load error with one line; nothing changes, also not
// for the items before it.
TEST_F(Control, SelectUnknownNameIsAnError)
{
	EXPECT_EQ(kp_registry_select(r, "disabled", "opens,nosuch,reads", KP_WANT_DISABLED), -22);
	EXPECT_EQ(one_message(), "module parameter disabled: no probe is named \"nosuch\"");
	EXPECT_EQ(be().of(fake::call::message)[0].arg, KP_MSG_ERR);
	for (unsigned i = 0; i < r->count; i++)
		EXPECT_FALSE(s.rt[i].want & KP_WANT_DISABLED) << i;
	be().log.clear();
	// names are exact: no prefix match, case matters
	EXPECT_EQ(kp_registry_select(r, "excluded", "open", KP_WANT_EXCLUDED), -22);
	EXPECT_EQ(kp_registry_select(r, "excluded", "OPENS", KP_WANT_EXCLUDED), -22);
	EXPECT_EQ(kp_registry_select(r, "excluded", "0", KP_WANT_EXCLUDED), -22); // no indexes
	EXPECT_EQ(be().messages().size(), 3u);
	be().log.clear();
	const std::string long_name(300, 'x');
	EXPECT_EQ(kp_registry_select(r, "excluded", long_name.c_str(), KP_WANT_EXCLUDED), -22);
	EXPECT_EQ(one_message(), "module parameter excluded: no probe is named \"" +
					 long_name.substr(0, KP_NAME_MAX) + "...\"");
	be().log.clear();
	const std::string long_pattern(300, '*');
	EXPECT_EQ(kp_registry_select(r, "excluded", long_pattern.c_str(), KP_WANT_EXCLUDED), -22);
	EXPECT_EQ(one_message(), "module parameter excluded: the pattern \"" +
					 long_pattern.substr(0, KP_NAME_MAX) + "...\" is too long");
}

// ---- control: parsing -------------------------------------------------------------

struct parse_case {
	const char *in;
	int enable;
	unsigned pos;
};

TEST_F(Control, ParseEveryForm)
{
	const parse_case ok[] = {
		{ "enable opens", 1, 0 },
		{ "disable opens", 0, 0 },
		{ "enable opens\n", 1, 0 },
		{ "  disable \t sig  \n", 0, 2 },
		{ "disable probes/open.cpp:20", 0, 1 },
		{ "enable kprobe:close_fd+0x8", 1, 3 },
		{ "disable 0", 0, 0 },
		{ "disable 5", 0, 5 },
		{ "enable 005", 1, 5 },
		{ "enable all", 1, KP_CTL_ALL },
		{ "disable all\n", 0, KP_CTL_ALL },
		{ "disable missing", 0, 4 }, // parses; applying it is refused (not registered)
	};
	for (const auto &c : ok) {
		SCOPED_TRACE(c.in);
		char why_buf[256];
		kp_out why;
		kp_out_init(&why, why_buf, sizeof(why_buf));
		kp_ctl got{ -1, 12345 };
		EXPECT_EQ(kp_ctl_parse(r, c.in, strlen(c.in), &got, &why), 0) << why_buf;
		EXPECT_EQ(got.enable, c.enable);
		EXPECT_EQ(got.pos, c.pos);
		EXPECT_STREQ(why_buf, "");
	}
}

struct bad_case {
	std::string in;
	std::string why;
};

TEST_F(Control, ParseRejects)
{
	const std::string longest = "disable " + std::string(KP_CTL_MAX - 9, 'x') + "\n";
	ASSERT_EQ(longest.size(), (size_t)KP_CTL_MAX);
	const bad_case bad[] = {
		{ "", "empty command; expected: enable|disable NAME|INDEX|all" },
		{ "\n", "empty command; expected: enable|disable NAME|INDEX|all" },
		{ "  \t ", "empty command; expected: enable|disable NAME|INDEX|all" },
		{ "enable", "enable needs a probe: NAME, INDEX or all" },
		{ "disable \n", "disable needs a probe: NAME, INDEX or all" },
		{ "stop opens", "unknown command \"stop\"; expected: enable|disable NAME|INDEX|all" },
		{ "Enable opens", "unknown command \"Enable\"; expected: enable|disable NAME|INDEX|all" },
		{ "enabled opens", "unknown command \"enabled\"; expected: enable|disable NAME|INDEX|all" },
		{ "opens", "unknown command \"opens\"; expected: enable|disable NAME|INDEX|all" },
		{ "enable opens reads", "unexpected \"reads\" after the probe" },
		{ "enable nosuch", "no probe is named \"nosuch\"" },
		{ "enable open", "no probe is named \"open\"" },
		{ "enable ALL", "no probe is named \"ALL\"" },
		{ "enable 6", "no probe has index 6 (0 to 5)" },
		{ "enable 99999999999999999999999", "no probe has index 99999999999999999999999 (0 to 5)" },
		{ "enable -1", "no probe is named \"-1\"" },
		{ "enable opens\n\n", "one command per write" },
		{ "enable opens\ndisable reads\n", "one command per write" },
		{ std::string("enable op\0ens", 13), "a non-printable character in the command" },
		{ "enable op\x7f", "a non-printable character in the command" },
		{ "enable op\xc3\xa9", "a non-printable character in the command" },
		{ longest + "x", "command too long (256 bytes, at most 255)" },
		{ std::string(4096, ' '), "command too long (4096 bytes, at most 255)" },
	};
	for (const auto &b : bad) {
		SCOPED_TRACE(b.in.substr(0, 40));
		char why_buf[512];
		kp_out why;
		kp_out_init(&why, why_buf, sizeof(why_buf));
		kp_ctl got{ -1, 12345 };
		EXPECT_EQ(kp_ctl_parse(r, b.in.data(), b.in.size(), &got, &why), -22);
		EXPECT_EQ(std::string(why_buf), b.why);
	}
	// the longest command is parsed (and its probe looked up)
	char why_buf[512];
	kp_out why;
	kp_out_init(&why, why_buf, sizeof(why_buf));
	kp_ctl got;
	EXPECT_EQ(kp_ctl_parse(r, longest.data(), longest.size(), &got, &why), -22);
	EXPECT_EQ(std::string(why_buf).substr(0, 19), "no probe is named \"");
}

TEST_F(Control, ParseWithoutProbes)
{
	section empty;
	kp_registry *e = empty.reg();
	ASSERT_EQ(kp_registry_prepare(e), 0);
	char why_buf[128];
	kp_out why;
	kp_out_init(&why, why_buf, sizeof(why_buf));
	kp_ctl got;
	EXPECT_EQ(kp_ctl_parse(e, "enable 0", 8, &got, &why), -22);
	EXPECT_STREQ(why_buf, "no probe has index 0");
	EXPECT_EQ(kp_ctl_parse(e, "enable all", 10, &got, &why), 0);
	EXPECT_EQ(kp_registry_control(e, "disable all", 11), 0);
}

// ---- control: applying ------------------------------------------------------------

TEST_F(Control, EnableDisableOne)
{
	load();
	EXPECT_EQ(states(), "EEEESE");
	EXPECT_EQ(ctl("disable opens\n"), 0);
	EXPECT_EQ(states(), "DEEESE");
	EXPECT_EQ(be().trace(), "D0 S2"); // a disarmed kprobe: wait for running handlers
	EXPECT_EQ(ctl("disable 0"), 0);	  // already: nothing to do
	EXPECT_EQ(be().trace(), "D0 S2");
	EXPECT_EQ(ctl("enable opens"), 0);
	EXPECT_EQ(ctl("enable opens"), 0);
	EXPECT_EQ(be().trace(), "D0 S2 E0");
	EXPECT_EQ(ctl("disable sig"), 0); // a tracepoint: the tracepoint sync
	EXPECT_EQ(ctl("disable 1"), 0);
	EXPECT_EQ(ctl("disable kprobe:close_fd+0x8"), 0);
	EXPECT_EQ(be().trace(), "D0 S2 E0 D2 S1 D1 S2 D3 S2");
	EXPECT_EQ(states(), "EDDDSE");
	EXPECT_TRUE(be().messages().empty());
	kp_registry_unregister_all(r);
	const std::string t = be().trace();
	EXPECT_EQ(t.substr(t.size() - 17), "U5 U3 U2 U1 U0 S0") << t;
}

TEST_F(Control, EnableDisableAll)
{
	load();
	EXPECT_EQ(ctl("disable 5"), 0);
	be().log.clear();
	EXPECT_EQ(ctl("disable all"), 0); // the skipped one and the disabled one are left alone
	EXPECT_EQ(be().trace(), "D0 D1 D2 D3 S3");
	EXPECT_EQ(states(), "DDDDSD");
	EXPECT_EQ(ctl("disable all"), 0);
	EXPECT_EQ(be().trace(), "D0 D1 D2 D3 S3");
	EXPECT_EQ(ctl("enable all"), 0);
	EXPECT_EQ(be().trace(), "D0 D1 D2 D3 S3 E0 E1 E2 E3 E5");
	EXPECT_EQ(states(), "EEEESE");
	EXPECT_TRUE(be().messages().empty());
	kp_registry_unregister_all(r);
}

// Bad input: -EINVAL, one warning saying why, no state change, no backend call.
TEST_F(Control, BadInputChangesNothing)
{
	load();
	EXPECT_EQ(ctl("disable reads"), 0);
	be().log.clear();
	const std::vector<std::pair<std::string, std::string>> bad = {
		{ "disable nosuch", "control: no probe is named \"nosuch\"" },
		{ "pause all", "control: unknown command \"pause\"; expected: enable|disable NAME|INDEX|all" },
		{ "enable 42", "control: no probe has index 42 (0 to 5)" },
		{ "disable " + std::string(300, 'a'), "control: command too long (308 bytes, at most 255)" },
		{ "enable missing", "control: probe 4 \"missing\" is skipped: it is not registered" },
		{ "disable 4", "control: probe 4 \"missing\" is skipped: it is not registered" },
		{ "enable reads opens", "control: unexpected \"opens\" after the probe" },
	};
	for (const auto &b : bad) {
		SCOPED_TRACE(b.first.substr(0, 40));
		be().log.clear();
		EXPECT_EQ(ctl(b.first), -22);
		EXPECT_EQ(one_message(), b.second);
		EXPECT_EQ(be().of(fake::call::message)[0].arg, KP_MSG_WARN);
		EXPECT_EQ(be().trace(), "M");
		EXPECT_EQ(states(), "EEEESD");
	}
	kp_registry_unregister_all(r);
}

TEST_F(Control, ExcludedIsNotRegistered)
{
	ASSERT_EQ(kp_registry_select(r, "excluded", "sig", KP_WANT_EXCLUDED), 0);
	load();
	EXPECT_EQ(ctl("enable sig"), -22);
	EXPECT_EQ(one_message(), "control: probe 2 \"sig\" is excluded: it is not registered");
	be().log.clear();
	EXPECT_EQ(ctl("disable all"), 0);
	EXPECT_EQ(be().trace(), "D0 D1 D3 D5 S2"); // no tracepoint disarmed: the kprobe sync
	kp_registry_unregister_all(r);
}

// A backend failure: its error comes back, the state of that probe stays,
// "all" goes on with the others.
TEST_F(Control, BackendFailure)
{
	load();
	be().fail_switch_at = 2;
	be().fail_switch_errno = -12;
	EXPECT_EQ(ctl("disable all"), -12);
	EXPECT_EQ(be().trace(), "D0 XD1 D2 D3 D5 S3");
	EXPECT_EQ(states(), "DEDDSD");
	be().fail_switch_at = be().switches + 1;
	EXPECT_EQ(ctl("enable 2"), -12);
	EXPECT_EQ(states(), "DEDDSD");
	EXPECT_EQ(ctl("enable 2"), 0);
	EXPECT_EQ(states(), "DEEDSD");
	EXPECT_TRUE(be().messages().empty()); // the backend says why, not the registry
	kp_registry_unregister_all(r);
}

// ---- status -----------------------------------------------------------------------

TEST_F(Control, StatusLines)
{
	load();
	ASSERT_EQ(ctl("disable reads"), 0);
	char buf[512];
	kp_out o;
	kp_out_init(&o, buf, sizeof(buf));
	kp_status_header(&o);
	EXPECT_STREQ(buf, "index\tkind\tname\tsymbol\taddress\tstate\thits\tmissed\tmaxactive\n");

	const kp_status_vals none{};
	kp_status_vals kp{};
	kp.have = KP_HAVE_HITS | KP_HAVE_MISSED;
	kp.hits = 42, kp.missed = 0, kp.addr = "do_sys_openat2+0x0/0x150";
	kp_status_vals krp{};
	krp.have = KP_HAVE_HITS | KP_HAVE_MISSED | KP_HAVE_MAXACTIVE;
	krp.hits = 18446744073709551615ul, krp.missed = 3, krp.maxactive = 15;
	krp.addr = "inode_permission+0x0/0x1b0";
	kp_status_vals tp{};
	tp.have = KP_HAVE_HITS, tp.hits = 7;
	tp.addr = "__tracepoint_kp_target_hit+0x0/0x48 [kp_target]";
	kp_status_vals skipped{};
	skipped.have = KP_HAVE_HITS, skipped.error = "-ENOENT", skipped.addr = "ignored";
	kp_status_vals gone = kp;
	gone.gone = 1;

	const struct {
		unsigned pos;
		const kp_status_vals *v;
		const char *want;
	} lines[] = {
		{ 0, &kp, "0\tkprobe\topens\tdo_sys_openat2+0x0\tdo_sys_openat2+0x0/0x150\tenabled\t42\t0\t-\n" },
		{ 1, &krp,
		  "1\tkretprobe\tprobes/open.cpp:20\tinode_permission+0x0\tinode_permission+0x0/0x1b0\t"
		  "enabled\t18446744073709551615\t3\t15\n" },
		{ 2, &tp,
		  "2\ttracepoint\tsig\tsignal_generate\t__tracepoint_kp_target_hit+0x0/0x48 "
		  "[kp_target]\tenabled\t7\t-\t-\n" },
		{ 3, &none, "3\tkprobe\tkprobe:close_fd+0x8\tclose_fd+0x8\t-\tenabled\t-\t-\t-\n" },
		{ 4, &skipped, "4\tkprobe\tmissing\tno_such_function+0x0\t-\tskipped -ENOENT\t0\t-\t-\n" },
		{ 4, &none, "4\tkprobe\tmissing\tno_such_function+0x0\t-\tskipped -2\t-\t-\t-\n" },
		{ 5, &kp, "5\tkprobe\treads\tvfs_read+0x0\tdo_sys_openat2+0x0/0x150\tdisabled\t42\t0\t-\n" },
		{ 0, &gone, "0\tkprobe\topens\tdo_sys_openat2+0x0\tdo_sys_openat2+0x0/0x150\tgone\t42\t0\t-\n" },
	};
	for (const auto &l : lines) {
		kp_out_init(&o, buf, sizeof(buf));
		kp_status_line(r, l.pos, l.v, &o);
		EXPECT_STREQ(buf, l.want);
		EXPECT_EQ(o.len, strlen(l.want));
	}
	kp_registry_unregister_all(r);
}

// A pattern probe (kp::FentryMatch): its pattern as it is (no +0x0), its
// count in the address column; a named entry probe keeps symbol+0x0.
void fentry_thunk_a(unsigned long, void *) {}
TEST(ControlPattern, StatusLine)
{
	fake::reset();
	section s;
	kp_probe_desc pat = kprobe("kp_target_chain_?", "probes/m.cpp", 10, 0, nullptr);
	pat.kind = KP_KIND_FENTRY, pat.fentry = fentry_thunk_a, pat.flags = KP_F_PATTERN;
	pat.max_funcs = KP_PATTERN_MAX_DEFAULT;
	kp_probe_desc one = kprobe("kp_target_value", "probes/m.cpp", 20, 1, nullptr);
	one.kind = KP_KIND_FENTRY, one.fentry = fentry_thunk_a;
	s.add(named(pat, "chain")).add(named(one, "value"));
	kp_registry *r = s.reg();
	ASSERT_EQ(kp_registry_prepare(r), 0);
	ASSERT_EQ(kp_registry_register_all(r), 0);
	kp_status_vals v{};
	v.have = KP_HAVE_HITS | KP_HAVE_MISSED, v.hits = 9, v.addr = "3 functions";
	char buf[256];
	kp_out o;
	kp_out_init(&o, buf, sizeof(buf));
	kp_status_line(r, 0, &v, &o);
	EXPECT_STREQ(buf, "0\tfentry\tchain\tkp_target_chain_?\t3 functions\tenabled\t9\t0\t-\n");
	v.addr = "kp_target_value+0x0/0x20 [kp_target]";
	kp_out_init(&o, buf, sizeof(buf));
	kp_status_line(r, 1, &v, &o);
	EXPECT_STREQ(buf, "1\tfentry\tvalue\tkp_target_value+0x0\tkp_target_value+0x0/0x20 "
			  "[kp_target]\tenabled\t9\t0\t-\n");
	kp_registry_unregister_all(r);
}

// Overload protection: the probe is disarmed with its sync, shows as
// "disabled (overload)" with one line saying why, until enabled again; a
// probe that is not enabled is left alone.
TEST_F(Control, OverloadDisablesUntilEnabled)
{
	load();
	EXPECT_EQ(kp_registry_overload(r, 5, 1, 97, 1003, 50), 0);
	EXPECT_EQ(states(), "EEEESD");
	EXPECT_EQ(be().trace(), "D5 M S2"); // disarmed, one message, synced
	EXPECT_EQ(one_message(), "overload: kprobe reads (vfs_read) disabled: its handlers used about 97% "
				 "of CPU 1 over 1003 ms (timed 1 call in 256; overload_limit=50); "
				 "`enable reads` in the control file arms it again");
	char buf[256];
	kp_out o;
	kp_status_vals v{};
	kp_out_init(&o, buf, sizeof(buf));
	kp_status_line(r, 5, &v, &o);
	EXPECT_STREQ(buf, "5\tkprobe\treads\tvfs_read+0x0\t-\tdisabled (overload)\t-\t-\t-\n");
	// again (another CPU over the limit in the same check): nothing more
	EXPECT_EQ(kp_registry_overload(r, 5, 0, 80, 1003, 50), 0);
	EXPECT_EQ(be().trace(), "D5 M S2");
	EXPECT_EQ(be().messages().size(), 1u);
	// a tracepoint: the tracepoint sync
	EXPECT_EQ(kp_registry_overload(r, 2, 0, 60, 1000, 50), 0);
	EXPECT_EQ(be().trace(), "D5 M S2 D2 M S1");
	// enabled again: a plain "enabled", and a later disable is a plain "disabled"
	EXPECT_EQ(ctl("enable reads"), 0);
	EXPECT_EQ(ctl("disable reads"), 0);
	kp_out_init(&o, buf, sizeof(buf));
	kp_status_line(r, 5, &v, &o);
	EXPECT_STREQ(buf, "5\tkprobe\treads\tvfs_read+0x0\t-\tdisabled\t-\t-\t-\n");
	// skipped (never registered): nothing
	EXPECT_EQ(kp_registry_overload(r, 4, 0, 99, 1000, 50), 0);
	EXPECT_EQ(states(), "EEDESD");
	kp_registry_unregister_all(r);
}

TEST_F(Control, StatusExcluded)
{
	ASSERT_EQ(kp_registry_select(r, "excluded", "opens", KP_WANT_EXCLUDED), 0);
	load();
	char buf[256];
	kp_out o;
	kp_out_init(&o, buf, sizeof(buf));
	kp_status_vals v{};
	v.addr = "x";
	kp_status_line(r, 0, &v, &o);
	EXPECT_STREQ(buf, "0\tkprobe\topens\tdo_sys_openat2+0x0\t-\texcluded\t-\t-\t-\n");
	kp_registry_unregister_all(r);
}

} // namespace
