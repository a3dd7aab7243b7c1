// SPDX-License-Identifier: GPL-2.0
// Hit counting (framework/kp_hit.h) in the handlers the seed's C macros
// generate (hits_c.c): once per kprobe pre-handler and kretprobe return
// handler call; a C tracepoint body has no generated handler (no state).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "registry_fixture.h"
#include "kp_hit.h"
#include "kp_host.h"

extern "C" {
extern const struct kp_probe_desc *const __start_kp_probes[];
extern const struct kp_probe_desc *const __stop_kp_probes[];
extern int kpt_hits_bodies;
}

namespace {

struct kretprobe_instance_fake {
	unsigned long kernel_private[4];
	alignas(8) char data[64];
};

std::vector<const kp_probe_desc *> probes()
{
	return { __start_kp_probes, __stop_kp_probes };
}

TEST(Hits, HostBumpIsAPlainIncrement)
{
	unsigned long n = 41;
	kp_probe_state st{ &n };
	kp_hit(&st);
	EXPECT_EQ(n, 42u);
	kp_probe_state none{ nullptr };
	kp_hit(&none); // no counter on the host: nothing
}

TEST(Hits, CMacrosCountInTheirGeneratedHandlers)
{
	auto ps = probes();
	ASSERT_EQ(ps.size(), 4u);
	unsigned long regs[64] = {};
	kretprobe_instance_fake ri{};
	auto *kri = reinterpret_cast<struct kretprobe_instance *>(&ri);
	auto *pt = reinterpret_cast<struct pt_regs *>(regs);
	std::vector<unsigned long> hits(ps.size());
	for (size_t i = 0; i < ps.size(); i++) {
		const kp_probe_desc *d = ps[i];
		EXPECT_TRUE(d->flags & KP_F_NAME_KIND_SYMBOL) << d->symbol;
		EXPECT_EQ(d->name, nullptr);
		if (d->kind == KP_KIND_TRACEPOINT) {
			EXPECT_EQ(d->state, nullptr);
			continue;
		}
		ASSERT_NE(d->state, nullptr) << d->symbol;
		d->state->hits = &hits[i];
	}
	// every state is its own
	for (size_t i = 0; i < ps.size(); i++) {
		for (size_t j = 0; j < i; j++) {
			if (ps[i]->state) {
				EXPECT_NE(ps[i]->state, ps[j]->state);
			}
		}
	}

	kpt_hits_bodies = 0;
	for (size_t i = 0; i < ps.size(); i++) {
		const kp_probe_desc *d = ps[i];
		for (unsigned k = 0; k < 3 + i; k++) {
			if (d->kind == KP_KIND_KPROBE) {
				EXPECT_EQ(d->pre(nullptr, pt), 0);
			} else if (d->kind == KP_KIND_KRETPROBE) {
				EXPECT_EQ(d->entry(kri, pt), 0); // the entry handler does not count
				EXPECT_EQ(hits[i], k);
				EXPECT_EQ(d->ret(kri, pt), 0);
			} else {
				(*reinterpret_cast<void (*const *)(void *, int)>(d->tp_probe))(nullptr, 1);
			}
		}
		if (d->state) {
			EXPECT_EQ(hits[i], 3 + i) << d->symbol << " kind " << d->kind;
		}
	}
	EXPECT_EQ(kpt_hits_bodies, 3 + 2 * 4 + 5 + 6);
	for (auto *d : ps)
		if (d->state)
			d->state->hits = nullptr;
}

// Overload protection's sampling: one hit in KP_SAMPLE_EVERY (per CPU; on
// the host, of the counter) says so, and the generated handler times that
// call: kp_sample_end gets the probe's own counter, once per 256 calls, and
// the body still runs on every call.
TEST(Hits, EveryKpSampleEveryThHitIsTimed)
{
	unsigned long n = 0;
	kp_probe_state st{ &n };
	unsigned sampled = 0;
	for (unsigned i = 1; i <= 3 * KP_SAMPLE_EVERY; i++)
		if (kp_hit(&st)) {
			EXPECT_EQ(i % KP_SAMPLE_EVERY, 0u) << i;
			sampled++;
		}
	EXPECT_EQ(sampled, 3u);
	EXPECT_EQ(n, 3u * KP_SAMPLE_EVERY);

	auto ps = probes();
	const kp_probe_desc *kprobe = nullptr, *kretprobe = nullptr;
	for (auto *d : ps) {
		if (d->kind == KP_KIND_KPROBE && !d->offset)
			kprobe = d;
		if (d->kind == KP_KIND_KRETPROBE)
			kretprobe = d;
	}
	ASSERT_NE(kprobe, nullptr);
	ASSERT_NE(kretprobe, nullptr);
	unsigned long regs[64] = {};
	kretprobe_instance_fake ri{};
	auto *pt = reinterpret_cast<struct pt_regs *>(regs);
	auto *kri = reinterpret_cast<struct kretprobe_instance *>(&ri);
	unsigned long kh = 0, rh = 0;
	kprobe->state->hits = &kh;
	kretprobe->state->hits = &rh;
	host::reset_samples();
	kpt_hits_bodies = 0;
	for (unsigned i = 0; i < 2 * KP_SAMPLE_EVERY + 10; i++) {
		kprobe->pre(nullptr, pt);
		kretprobe->entry(kri, pt);
		kretprobe->ret(kri, pt);
	}
	std::vector<const unsigned long *> want = { &kh, &rh, &kh, &rh };
	EXPECT_EQ(host::samples(), want);
	EXPECT_EQ(kpt_hits_bodies, 3 * (2 * KP_SAMPLE_EVERY + 10));
	kprobe->state->hits = nullptr;
	kretprobe->state->hits = nullptr;
}

TEST(Hits, CMacroNames)
{
	const std::vector<std::string> want = { "kprobe:kpt_hit_fn", "kprobe:kpt_hit_fn+0x4",
						"kretprobe:kpt_hit_fn", "tracepoint:kpt_hit_tp" };
	EXPECT_EQ(registry_names(probes()), want) << fake::get().trace();
}

} // namespace
