// SPDX-License-Identifier: GPL-2.0
// Maps: the bucket arithmetic and the hot path (framework/kp_map.h), the
// C++ declarations (framework/kp/maps.hpp), the per-CPU merge, drops,
// clearing and the text (framework/core/kp_map_read.c), the C macros
// (maps_c.c).  The host's "current CPU" is kp_host_map_cpu.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "kp.hpp"
#include "core/kp_map_read.h"

extern "C" {
const kp_map_desc *kpt_c_count_desc(void);
const kp_map_desc *kpt_c_hist_desc(void);
void kpt_c_update(long key, long value);
}

KP_MAP(t_count, kp::Count<>);
KP_MAP(t_sum, kp::Sum<>);
KP_MAP(t_min, kp::Min<>);
KP_MAP(t_max, kp::Max<>);
KP_MAP(t_avg, kp::Avg<>);
KP_MAP(t_log2, kp::Hist<>);
KP_MAP(t_linear, kp::LinearHist<0, 1000, 100>);
KP_MAP(t_by_pid, kp::Count<kp::Key<int>, 64>);
KP_MAP(t_small, kp::Count<kp::Key<long>, 100>);
KP_MAP(t_tuple, kp::Sum<kp::Key<kp::task_comm, unsigned, short>, 16>);
KP_MAP(t_hist_by, kp::Hist<kp::Key<int>, 4>);
KP_MAP(t_default_cap, kp::Count<kp::Key<int>>);

namespace {

constexpr unsigned ncpu = 4;

// Every CPU's table of one map, zeroed, as the core allocates them.
struct tables {
	const kp_map_desc *d;
	std::vector<std::vector<kp_map_word>> t;
	std::vector<void *> ptrs;
	explicit tables(const kp_map_desc *desc) : d(desc), t(ncpu), ptrs(ncpu)
	{
		for (unsigned c = 0; c < ncpu; c++) {
			t[c].assign(kp_map_table_bytes(d) / sizeof(kp_map_word), 0);
			ptrs[c] = t[c].data();
		}
		d->state->tables = ptrs.data();
		kp_host_map_cpu = 0;
	}
	~tables() { d->state->tables = nullptr; }
	kp_map_word drops(unsigned c) const { return t[c][0]; }
	// the merged view, in scratch
	kp_map_view view(std::vector<char> &scratch) const
	{
		std::vector<kp_map_word *> tp;
		for (auto &x : t)
			tp.push_back(const_cast<kp_map_word *>(x.data()));
		scratch.assign(kp_map_scratch_bytes(d, ncpu), 0);
		kp_map_view v;
		kp_map_merge(&v, d, tp.data(), ncpu, scratch.data());
		return v;
	}
	// the text, measured first as the core does
	std::string text() const
	{
		std::vector<char> scratch;
		kp_map_view v = view(scratch);
		kp_out o;
		kp_out_init(&o, nullptr, 0);
		kp_map_render(&v, &o);
		std::string s(o.len + 1, '\0');
		kp_out_init(&o, s.data(), s.size());
		kp_map_render(&v, &o);
		s.resize(o.len);
		return s;
	}
	void clear()
	{
		for (auto &x : t)
			kp_map_clear_table(d, x.data());
	}
};

std::string label(const kp_map_desc *d, unsigned b)
{
	char buf[64];
	kp_out o;
	kp_out_init(&o, buf, sizeof(buf));
	kp_map_bucket_label(d, b, &o);
	return buf;
}

std::string bar(unsigned n) { return std::string(n, '@') + std::string(52 - n, ' '); }

kp::task_comm comm(const char *s)
{
	kp::task_comm c;
	std::memset(c.str, 0x7f, sizeof(c.str)); // garbage after the NUL must not matter
	std::strcpy(c.str, s);
	return c;
}

// ---- bucket arithmetic -------------------------------------------------------

TEST(MapBuckets, Log2ZeroOneNegativeAndPowersOfTwo)
{
	EXPECT_EQ(kp_map_log2_bucket(-1), 0u);
	EXPECT_EQ(kp_map_log2_bucket(-9223372036854775807ll - 1), 0u);
	EXPECT_EQ(kp_map_log2_bucket(0), 1u);
	EXPECT_EQ(kp_map_log2_bucket(1), 2u);
	EXPECT_EQ(kp_map_log2_bucket(2), 3u);
	EXPECT_EQ(kp_map_log2_bucket(3), 3u);
	for (unsigned k = 1; k < 63; k++) {
		long long p = 1ll << k;
		EXPECT_EQ(kp_map_log2_bucket(p), 2 + k) << "2^" << k;
		EXPECT_EQ(kp_map_log2_bucket(p - 1), 1 + k) << "2^" << k << " - 1";
	}
	EXPECT_EQ(kp_map_log2_bucket(9223372036854775807ll), KP_MAP_LOG2_BUCKETS - 1);
}

TEST(MapBuckets, LinearClampsBelowMinAndFromMax)
{
	EXPECT_EQ(KP_MAP_LINEAR_BUCKETS(0, 1000, 100), 12u);
	EXPECT_EQ(kp_map_linear_bucket(-1, 0, 1000, 100), 0u);
	EXPECT_EQ(kp_map_linear_bucket(-9223372036854775807ll - 1, 0, 1000, 100), 0u);
	EXPECT_EQ(kp_map_linear_bucket(0, 0, 1000, 100), 1u);
	EXPECT_EQ(kp_map_linear_bucket(99, 0, 1000, 100), 1u);
	EXPECT_EQ(kp_map_linear_bucket(100, 0, 1000, 100), 2u);
	EXPECT_EQ(kp_map_linear_bucket(999, 0, 1000, 100), 10u);
	EXPECT_EQ(kp_map_linear_bucket(1000, 0, 1000, 100), 11u);
	EXPECT_EQ(kp_map_linear_bucket(9223372036854775807ll, 0, 1000, 100), 11u);
	// a step that does not divide the range: the last step is cut at max
	EXPECT_EQ(KP_MAP_LINEAR_BUCKETS(0, 10, 3), 6u);
	EXPECT_EQ(kp_map_linear_bucket(9, 0, 10, 3), 4u);
	EXPECT_EQ(kp_map_linear_bucket(10, 0, 10, 3), 5u);
	// negative bounds
	EXPECT_EQ(kp_map_linear_bucket(-11, -10, 10, 5), 0u);
	EXPECT_EQ(kp_map_linear_bucket(-10, -10, 10, 5), 1u);
	EXPECT_EQ(kp_map_linear_bucket(-6, -10, 10, 5), 1u);
	EXPECT_EQ(kp_map_linear_bucket(-5, -10, 10, 5), 2u);
	EXPECT_EQ(kp_map_linear_bucket(9, -10, 10, 5), 4u);
	EXPECT_EQ(kp_map_linear_bucket(10, -10, 10, 5), 5u);
}

TEST(MapBuckets, Labels)
{
	const kp_map_desc *h = &kp_map_desc_t_log2;
	EXPECT_EQ(label(h, 0), "(..., 0)");
	EXPECT_EQ(label(h, 1), "[0]");
	EXPECT_EQ(label(h, 2), "[1]");
	EXPECT_EQ(label(h, 3), "[2, 4)");
	EXPECT_EQ(label(h, 11), "[512, 1K)");
	EXPECT_EQ(label(h, 12), "[1K, 2K)");
	EXPECT_EQ(label(h, 22), "[1M, 2M)");
	EXPECT_EQ(label(h, 64), "[4E, 8E)");
	const kp_map_desc *l = &kp_map_desc_t_linear;
	EXPECT_EQ(label(l, 0), "(..., 0)");
	EXPECT_EQ(label(l, 1), "[0, 100)");
	EXPECT_EQ(label(l, 10), "[900, 1000)");
	EXPECT_EQ(label(l, 11), "[1000, ...)");
}

// ---- declarations ------------------------------------------------------------

TEST(MapDecl, Descriptors)
{
	EXPECT_STREQ(kp_map_desc_t_count.name, "t_count");
	EXPECT_EQ(kp_map_desc_t_count.kind, KP_MAP_COUNT);
	EXPECT_EQ(kp_map_desc_t_count.capacity, 1u);
	EXPECT_EQ(kp_map_desc_t_count.key_words, 0u);
	EXPECT_EQ(kp_map_desc_t_avg.val_words, 2u);
	EXPECT_EQ(kp_map_desc_t_log2.val_words, KP_MAP_LOG2_BUCKETS);
	EXPECT_EQ(kp_map_desc_t_linear.val_words, 12u);
	EXPECT_EQ(kp_map_desc_t_linear.lin_step, 100);
	EXPECT_EQ(kp_map_desc_t_by_pid.capacity, 64u);
	EXPECT_STREQ(kp_map_desc_t_by_pid.key_fmt, "d");
	EXPECT_EQ(kp_map_desc_t_tuple.key_words, 4u);
	EXPECT_STREQ(kp_map_desc_t_tuple.key_fmt, "cud");
	EXPECT_EQ(kp_map_desc_t_default_cap.capacity, 1024u);
	EXPECT_EQ(kp_map_desc_t_by_pid.state, &kp_map_state_t_by_pid);
	EXPECT_EQ(kp_map_malformed(&kp_map_desc_t_tuple), nullptr);
	EXPECT_EQ(kp_map_malformed(&kp_map_desc_t_linear), nullptr);
	EXPECT_EQ(kp_map_malformed(kpt_c_count_desc()), nullptr);
	EXPECT_EQ(kp_map_malformed(kpt_c_hist_desc()), nullptr);
	// one table: the drop word and capacity slots of tag + key + value
	EXPECT_EQ(kp_map_table_bytes(&kp_map_desc_t_by_pid), 8u * (1 + 64 * 3));
}

TEST(MapDecl, MalformedDescriptorsAreRefused)
{
	kp_map_desc d = kp_map_desc_t_by_pid;
	d.capacity = 0;
	EXPECT_STREQ(kp_map_malformed(&d), "a map capacity not in 1..1048576");
	d = kp_map_desc_t_by_pid;
	d.key_fmt = "dd";
	EXPECT_STREQ(kp_map_malformed(&d), "a map key that does not match its format");
	d = kp_map_desc_t_linear;
	d.lin_step = 0;
	EXPECT_STREQ(kp_map_malformed(&d),
		     "a linear histogram whose step is not positive or whose min is not below max");
	d = kp_map_desc_t_count;
	d.val_words = 2;
	EXPECT_STREQ(kp_map_malformed(&d), "a map whose value size does not match its kind");
	d.name = "a/b";
	EXPECT_STREQ(kp_map_malformed(&d),
		     "a map name with a space, a slash or a non-printable character");
}

// ---- updates and the per-CPU merge ---------------------------------------------

TEST(MapMerge, ScalarsOverCpus)
{
	tables c(&kp_map_desc_t_count), s(&kp_map_desc_t_sum), mn(&kp_map_desc_t_min),
		mx(&kp_map_desc_t_max), a(&kp_map_desc_t_avg);
	// values 1..1000 spread over the CPUs, plus -3 on CPU 2 and 5000 on CPU 3
	for (long v = 1; v <= 1000; v++) {
		kp_host_map_cpu = v % ncpu;
		t_count.inc();
		t_sum.add(v);
		t_min.add(v);
		t_max.add(v);
		t_avg.add(v);
	}
	kp_host_map_cpu = 2;
	t_min.add(-3);
	kp_host_map_cpu = 3;
	t_max.add(5000);
	EXPECT_EQ(c.text(), "# t_count: count, 1 entry, 0 dropped, capacity 1 per CPU\n@t_count: 1000\n");
	EXPECT_EQ(s.text(), "# t_sum: sum, 1 entry, 0 dropped, capacity 1 per CPU\n@t_sum: 500500\n");
	EXPECT_EQ(mn.text(), "# t_min: min, 1 entry, 0 dropped, capacity 1 per CPU\n@t_min: -3\n");
	EXPECT_EQ(mx.text(), "# t_max: max, 1 entry, 0 dropped, capacity 1 per CPU\n@t_max: 5000\n");
	// 500500 / 1000, truncated
	EXPECT_EQ(a.text(), "# t_avg: avg, 1 entry, 0 dropped, capacity 1 per CPU\n@t_avg: 500\n");
	// each CPU holds its own part: 250 counts on every CPU
	for (unsigned cpu = 0; cpu < ncpu; cpu++)
		EXPECT_EQ(c.t[cpu][1 + 1], 250u) << "cpu " << cpu;
}

TEST(MapMerge, KeyedCountsSortedByValueThenKey)
{
	tables t(&kp_map_desc_t_by_pid);
	// pid 7: 3 on CPU 0 and 2 on CPU 1; pid 9: 5 on CPU 1; pid -2: 1; pid 3: 5
	for (int i = 0; i < 3; i++)
		t_by_pid[7].inc();
	kp_host_map_cpu = 1;
	t_by_pid[7].add(2);
	for (int i = 0; i < 5; i++)
		t_by_pid[9].inc();
	kp_host_map_cpu = 3;
	t_by_pid[-2].inc();
	t_by_pid(3).add(5);
	EXPECT_EQ(t.text(), "# t_by_pid: count, 4 entries, 0 dropped, capacity 64 per CPU\n"
			    "@t_by_pid[3]: 5\n"
			    "@t_by_pid[7]: 5\n"
			    "@t_by_pid[9]: 5\n"
			    "@t_by_pid[-2]: 1\n");
}

TEST(MapMerge, TupleKeysCommAndSignedness)
{
	tables t(&kp_map_desc_t_tuple);
	t_tuple(comm("sh"), 4000000000u, (short)-1).add(10);
	kp_host_map_cpu = 2;
	t_tuple(comm("sh"), 4000000000u, (short)-1).add(5); // same key, other CPU, other garbage
	t_tuple(comm("kworker/0:1"), 1u, (short)2).add(7);
	t_tuple(comm("a"), 1u, (short)2).add(7);
	EXPECT_EQ(t.text(), "# t_tuple: sum, 3 entries, 0 dropped, capacity 16 per CPU\n"
			    "@t_tuple[sh, 4000000000, -1]: 15\n"
			    "@t_tuple[a, 1, 2]: 7\n"
			    "@t_tuple[kworker/0:1, 1, 2]: 7\n");
}

TEST(MapMerge, HashSpreadsKeysAndFindsThemAgain)
{
	tables t(&kp_map_desc_t_small);
	// 100 keys in 100 slots: all fit, each found again (counts 2)
	for (int round = 0; round < 2; round++)
		for (long k = 1000; k < 1100; k++)
			t_small[k].inc();
	std::vector<char> scratch;
	kp_map_view v = t.view(scratch);
	EXPECT_EQ(v.n, 100u);
	EXPECT_EQ(v.drops, 0u);
	for (unsigned long i = 0; i < v.n; i++)
		EXPECT_EQ(v.ent[i * 2 + 1], 2u);
	// the home slots of sequential keys are not one run
	unsigned homes_used = 0;
	std::vector<bool> used(100);
	for (long k = 1000; k < 1100; k++) {
		kp_map_word w = (kp_map_word)k;
		unsigned h = kp_map_home(kp_map_hash(&w, 1), 100);
		if (!used[h])
			homes_used++;
		used[h] = true;
	}
	EXPECT_GT(homes_used, 50u);
}

// ---- capacity and drops ---------------------------------------------------------

TEST(MapDrops, ExactDropCountsPerCpuAndMerged)
{
	tables t(&kp_map_desc_t_small);
	for (long v = 1; v <= 1000; v++)
		t_small[v].inc();
	EXPECT_EQ(t.drops(0), 900u);
	// the keys already in stay updatable when the table is full
	t_small[1].inc();
	for (long v = 1; v <= 1000; v++)
		t_small[v].inc();
	EXPECT_EQ(t.drops(0), 1800u);
	kp_host_map_cpu = 1;
	for (long v = 1; v <= 300; v++)
		t_small[v].inc();
	EXPECT_EQ(t.drops(1), 200u);
	std::vector<char> scratch;
	kp_map_view v = t.view(scratch);
	EXPECT_EQ(v.drops, 2000u);
	// keys kept on CPU 0 and CPU 1 merged: at least 100, at most 200 keys
	EXPECT_GE(v.n, 100u);
	EXPECT_LE(v.n, 200u);
	EXPECT_NE(t.text().find("# t_small: count, " + std::to_string(v.n) +
				" entries, 2000 dropped, capacity 100 per CPU\n"),
		  std::string::npos);
}

TEST(MapDrops, UnkeyedNeverDrops)
{
	tables t(&kp_map_desc_t_count);
	for (int i = 0; i < 10; i++)
		t_count.inc();
	EXPECT_EQ(t.drops(0), 0u);
}

// A slot being claimed (an interrupted insert) is skipped by a nested
// update, which inserts its key elsewhere; the reader skips the claimed
// slot and merges the same key held by two slots of one CPU.
TEST(MapNested, ClaimedSlotSkippedAndDuplicatesMerged)
{
	tables t(&kp_map_desc_t_by_pid);
	kp_map_word key = 42;
	unsigned home = kp_map_home(kp_map_hash(&key, 1), 64);
	kp_map_word *slot = &t.t[0][1 + home * 3];
	slot[0] = KP_MAP_TAG_BUSY; // the outer insert: claimed, key not written yet
	t_by_pid[42].add(3);	   // the nested one
	EXPECT_EQ(slot[0], KP_MAP_TAG_BUSY);
	EXPECT_EQ(t.text(), "# t_by_pid: count, 1 entry, 0 dropped, capacity 64 per CPU\n"
			    "@t_by_pid[42]: 3\n");
	// the outer insert completes: key 42 in its claimed slot too
	slot[1] = 42;
	slot[2] = 1;
	slot[0] = kp_map_hash(&key, 1) | 1;
	EXPECT_EQ(t.text(), "# t_by_pid: count, 1 entry, 0 dropped, capacity 64 per CPU\n"
			    "@t_by_pid[42]: 4\n");
}

// ---- clear ------------------------------------------------------------------------

TEST(MapClear, EmptiesEntriesAndDrops)
{
	tables t(&kp_map_desc_t_small);
	for (long v = 1; v <= 150; v++)
		t_small[v].inc();
	EXPECT_EQ(t.text().substr(0, 60), "# t_small: count, 100 entries, 50 dropped, capacity 100 per ");
	t.clear();
	EXPECT_EQ(t.text(), "# t_small: count, 0 entries, 0 dropped, capacity 100 per CPU\n");
	t_small[5].inc();
	EXPECT_EQ(t.text(), "# t_small: count, 1 entry, 0 dropped, capacity 100 per CPU\n"
			    "@t_small[5]: 1\n");
}

// ---- histograms and their text -------------------------------------------------------

TEST(MapText, Log2HistogramBars)
{
	tables t(&kp_map_desc_t_log2);
	for (long v = 1; v <= 10; v++) {
		kp_host_map_cpu = v % 2;
		t_log2.add(v);
	}
	// [1] 1, [2, 4) 2, [4, 8) 4, [8, 16) 3: bars 52 * n / 4
	EXPECT_EQ(t.text(), "# t_log2: hist, 1 entry, 0 dropped, capacity 1 per CPU\n"
			    "@t_log2:\n"
			    "[1]                    1 |" + bar(13) + "|\n"
			    "[2, 4)                 2 |" + bar(26) + "|\n"
			    "[4, 8)                 4 |" + bar(52) + "|\n"
			    "[8, 16)                3 |" + bar(39) + "|\n"
			    "\n");
}

TEST(MapText, Log2HistogramNegativeZeroAndEmptyBucketsBetween)
{
	tables t(&kp_map_desc_t_log2);
	t_log2.add(-5);
	t_log2.add(0);
	t_log2.add(0);
	t_log2.add(4096);
	// every bucket between the first and the last non-empty one: count 0, no bar
	std::string empty_rows;
	for (const char *l : { "[1]", "[2, 4)", "[4, 8)", "[8, 16)", "[16, 32)", "[32, 64)", "[64, 128)",
			       "[128, 256)", "[256, 512)", "[512, 1K)", "[1K, 2K)", "[2K, 4K)" })
		empty_rows += l + std::string(23 - std::strlen(l), ' ') + "0 |" + bar(0) + "|\n";
	EXPECT_EQ(t.text(), "# t_log2: hist, 1 entry, 0 dropped, capacity 1 per CPU\n"
			    "@t_log2:\n"
			    "(..., 0)               1 |" + bar(26) + "|\n"
			    "[0]                    2 |" + bar(52) + "|\n" +
			    empty_rows + "[4K, 8K)               1 |" + bar(26) + "|\n\n");
}

TEST(MapText, LinearHistogramOneToThousand)
{
	tables t(&kp_map_desc_t_linear);
	for (long v = 1; v <= 1000; v++) {
		kp_host_map_cpu = v % ncpu;
		t_linear.add(v);
	}
	t_linear.add(-1);
	std::string want = "# t_linear: lhist, 1 entry, 0 dropped, capacity 1 per CPU\n@t_linear:\n"
			   "(..., 0)               1 |" + bar(0) + "|\n"
			   "[0, 100)              99 |" + bar(51) + "|\n";
	for (int lo = 100; lo < 1000; lo += 100) {
		std::string l = "[" + std::to_string(lo) + ", " + std::to_string(lo + 100) + ")";
		want += l + std::string(16 - l.size(), ' ') + "     100 |" + bar(52) + "|\n";
	}
	want += "[1000, ...)            1 |" + bar(0) + "|\n\n";
	EXPECT_EQ(t.text(), want);
}

TEST(MapText, KeyedHistogramsSortedByTotal)
{
	tables t(&kp_map_desc_t_hist_by);
	t_hist_by[1].add(1);
	t_hist_by[2].add(1);
	t_hist_by[2].add(2);
	EXPECT_EQ(t.text(), "# t_hist_by: hist, 2 entries, 0 dropped, capacity 4 per CPU\n"
			    "@t_hist_by[2]:\n"
			    "[1]                    1 |" + bar(52) + "|\n"
			    "[2, 4)                 1 |" + bar(52) + "|\n"
			    "\n"
			    "@t_hist_by[1]:\n"
			    "[1]                    1 |" + bar(52) + "|\n"
			    "\n");
}

// ---- the C macros --------------------------------------------------------------------

TEST(MapC, CountAndLog2HistFromC)
{
	tables c(kpt_c_count_desc()), h(kpt_c_hist_desc());
	for (long v = 1; v <= 10; v++)
		kpt_c_update(v & 1, v);
	for (long k = 2; k < 12; k++) // 8 slots: keys 0, 1 and 6 more fit
		kpt_c_update(k, 1);
	EXPECT_EQ(c.drops(0), 4u);
	std::string text = c.text();
	EXPECT_EQ(text.substr(0, text.find('\n') + 1),
		  "# kpt_c_count: count, 8 entries, 4 dropped, capacity 8 per CPU\n");
	EXPECT_EQ(text.substr(text.find('\n') + 1, 38), "@kpt_c_count[0]: 5\n@kpt_c_count[1]: 5\n");
	EXPECT_EQ(h.text(), "# kpt_c_hist: hist, 1 entry, 0 dropped, capacity 1 per CPU\n"
			    "@kpt_c_hist:\n"
			    "[1]                   11 |" + bar(52) + "|\n"
			    "[2, 4)                 2 |" + bar(9) + "|\n"
			    "[4, 8)                 4 |" + bar(18) + "|\n"
			    "[8, 16)                3 |" + bar(14) + "|\n"
			    "\n");
}

} // namespace
