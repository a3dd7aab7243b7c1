// SPDX-License-Identifier: GPL-2.0
// The same C++ probe declared twice (same kind, symbol, offset, handlers;
// another name does not make it another probe): one state, one thunk, and
// the registry refuses the load with -EEXIST, naming both declarations.
// Another symbol with the same handler is another probe.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "abi_model.h"
#include "registry_fixture.h"

namespace {
void on_value(long) {}
} // namespace

// clang-format off
constexpr unsigned line_first = __LINE__; KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>>, on_value);
constexpr unsigned line_again = __LINE__; KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>, kp::Name<"again">>, on_value);
KP_PROBE(kp::Kprobe<"kp_target_valuf", kp::Args<long>>, on_value);
// clang-format on

namespace {

extern "C" const kp_probe_desc *const __start_kp_probes[];
extern "C" const kp_probe_desc *const __stop_kp_probes[];

TEST(DslDuplicate, TheSameProbeTwiceIsRefused)
{
	std::vector<const kp_probe_desc *> es(__start_kp_probes, __stop_kp_probes);
	ASSERT_EQ(es.size(), 3u);
	const kp_probe_desc *first = nullptr, *again = nullptr, *other = nullptr;
	for (auto *d : es)
		(d->line == line_first ? first : d->line == line_again ? again : other) = d;
	ASSERT_TRUE(first && again && other);
	EXPECT_EQ(first->state, again->state);
	EXPECT_EQ(first->pre, again->pre);
	EXPECT_NE(first->state, other->state); // a one-letter difference in the symbol
	EXPECT_NE(first->pre, other->pre);
	EXPECT_TRUE(registry_names(es).empty()); // prepare failed
	const auto log = fake::get().log;
	ASSERT_EQ(log.size(), 1u);
	EXPECT_EQ(log[0].kind, fake::call::invalid);
	EXPECT_EQ(log[0].desc, again);
	EXPECT_EQ(log[0].other, first);
}

} // namespace
