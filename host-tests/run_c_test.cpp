// SPDX-License-Identifier: GPL-2.0
// KP_BEGIN, KP_END, KP_INTERVAL (run_c.c): kinds, periods and names of
// their descriptors; their run functions count a hit and run the body.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "registry_fixture.h"
#include "kp_hit.h"

extern "C" {
extern const struct kp_probe_desc *const __start_kp_probes[];
extern const struct kp_probe_desc *const __stop_kp_probes[];
extern int kpt_run_begins, kpt_run_ends, kpt_run_ticks;
}

namespace {

std::vector<const kp_probe_desc *> probes() { return { __start_kp_probes, __stop_kp_probes }; }

TEST(RunC, Descriptors)
{
	auto ps = probes();
	ASSERT_EQ(ps.size(), 3u);
	for (auto *d : ps) {
		EXPECT_NE(d->run, nullptr) << d->symbol;
		EXPECT_NE(d->state, nullptr) << d->symbol;
		EXPECT_TRUE(d->flags & KP_F_NAME_KIND_SYMBOL);
		if (d->kind == KP_KIND_INTERVAL)
			EXPECT_EQ(d->period_ms, 250u);
		else
			EXPECT_EQ(d->period_ms, 0u);
	}
	const std::vector<std::string> want = { "begin:kpt_begin", "end:kpt_end", "interval:kpt_tick" };
	EXPECT_EQ(registry_names(ps), want) << fake::get().trace();
}

TEST(RunC, RunCountsAHitAndRunsTheBody)
{
	auto ps = probes();
	std::vector<unsigned long> hits(ps.size());
	for (size_t i = 0; i < ps.size(); i++)
		ps[i]->state->hits = &hits[i];
	for (size_t i = 0; i < ps.size(); i++)
		for (size_t k = 0; k <= i; k++)
			ps[i]->run();
	for (size_t i = 0; i < ps.size(); i++) {
		EXPECT_EQ(hits[i], i + 1) << ps[i]->symbol;
		ps[i]->state->hits = nullptr;
	}
	int runs[] = { kpt_run_begins, kpt_run_ends, kpt_run_ticks };
	for (size_t i = 0; i < ps.size(); i++) {
		int want = int(i) + 1;
		if (ps[i]->kind == KP_KIND_BEGIN)
			EXPECT_EQ(runs[0], want);
		else if (ps[i]->kind == KP_KIND_END)
			EXPECT_EQ(runs[1], want);
		else
			EXPECT_EQ(runs[2], want);
	}
}

} // namespace
