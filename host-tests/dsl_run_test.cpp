// SPDX-License-Identifier: GPL-2.0
// kp::Begin, kp::End and kp::Interval<N> (framework/kp/probes.hpp): their
// descriptors (kind, period, name, the core's run function), and that the
// run function counts a hit and calls the handler; then the registry runs
// them at the right moments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "kp.hpp"
#include "registry_fixture.h"

namespace {
int begins, ends, ticks;
void on_begin() { ++begins; }
void on_end() { ++ends; }
void on_tick() { ++ticks; }
} // namespace

KP_PROBE(kp::Begin<>, on_begin);
KP_PROBE(kp::End<kp::Name<"fin">>, on_end);
KP_PROBE(kp::Interval<100, kp::Name<"tick">>, on_tick);
KP_PROBE(kp::Interval<86400000>, on_tick);

namespace {

extern "C" const kp_probe_desc *const __start_kp_probes[];
extern "C" const kp_probe_desc *const __stop_kp_probes[];

std::vector<const kp_probe_desc *> of_kind(unsigned kind)
{
	std::vector<const kp_probe_desc *> v;
	for (auto p = __start_kp_probes; p != __stop_kp_probes; ++p)
		if ((*p)->kind == kind)
			v.push_back(*p);
	return v;
}

TEST(DslRun, Descriptors)
{
	auto b = of_kind(KP_KIND_BEGIN), e = of_kind(KP_KIND_END), i = of_kind(KP_KIND_INTERVAL);
	ASSERT_EQ(b.size(), 1u);
	ASSERT_EQ(e.size(), 1u);
	ASSERT_EQ(i.size(), 2u);
	EXPECT_STREQ(b[0]->symbol, "begin");
	EXPECT_EQ(b[0]->name, nullptr); // derived: <file>:<line>
	EXPECT_EQ(b[0]->period_ms, 0u);
	EXPECT_STREQ(e[0]->symbol, "end");
	EXPECT_STREQ(e[0]->name, "fin");
	std::vector<unsigned> periods{ i[0]->period_ms, i[1]->period_ms };
	std::sort(periods.begin(), periods.end());
	EXPECT_EQ(periods, (std::vector<unsigned>{ 100u, 86400000u }));
	for (auto *d : { b[0], e[0], i[0], i[1] }) {
		EXPECT_NE(d->run, nullptr);
		EXPECT_NE(d->state, nullptr);
		EXPECT_EQ(d->pre, nullptr);
		EXPECT_EQ(d->ret, nullptr);
	}
	// one state per probe: the two intervals share a handler, not a counter
	EXPECT_NE(i[0]->state, i[1]->state);
}

TEST(DslRun, RunCountsAHitAndCallsTheHandler)
{
	unsigned long hits[4] = {};
	auto b = of_kind(KP_KIND_BEGIN)[0], t = of_kind(KP_KIND_INTERVAL)[0];
	b->state->hits = &hits[0];
	t->state->hits = &hits[1];
	int before_b = begins, before_t = ticks;
	b->run();
	t->run();
	t->run();
	EXPECT_EQ(begins - before_b, 1);
	EXPECT_EQ(ticks - before_t, 2);
	EXPECT_EQ(hits[0], 1u);
	EXPECT_EQ(hits[1], 2u);
	b->state->hits = t->state->hits = nullptr;
}

} // namespace
