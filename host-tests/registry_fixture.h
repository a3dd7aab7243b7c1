// SPDX-License-Identifier: GPL-2.0
// Hand-built descriptors and a fake "kp_probes" section for the tests of
// framework/core/kp_registry.c and kp_control.c (against fake_backend.cpp).
#pragma once

#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "fake_backend.h"

namespace {

// The translation-unit anchor of a file, as KP_PROBE would give it: one per file name.
inline const void *unit_of(const char *file)
{
	static std::map<std::string, char> units;
	return file ? &units[file] : nullptr;
}

inline int pre_a(struct kprobe *, struct pt_regs *) { return 0; }
inline int pre_b(struct kprobe *, struct pt_regs *) { return 0; }
inline int entry_a(struct kretprobe_instance *, struct pt_regs *) { return 0; }
inline int ret_a(struct kretprobe_instance *, struct pt_regs *) { return 0; }
inline int ret_b(struct kretprobe_instance *, struct pt_regs *) { return 0; }
[[maybe_unused]] void (*tp_slot_a)(void *, int) = nullptr;
[[maybe_unused]] void (*tp_slot_b)(void *, int) = nullptr;

inline kp_probe_desc kprobe(const char *sym, const char *file, unsigned line, unsigned seq,
			    kp_kprobe_pre_t *pre = pre_a, unsigned long offset = 0)
{
	kp_probe_desc d{};
	d.kind = KP_KIND_KPROBE, d.symbol = sym, d.offset = offset, d.pre = pre;
	d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}
inline kp_probe_desc kretprobe(const char *sym, const char *file, unsigned line, unsigned seq,
			       kp_kretprobe_handler_t *ret = ret_a,
			       kp_kretprobe_handler_t *entry = entry_a)
{
	kp_probe_desc d{};
	d.kind = KP_KIND_KRETPROBE, d.symbol = sym, d.entry = entry, d.ret = ret;
	d.data_size = 16, d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}
inline kp_probe_desc tracepoint(const char *name, const char *file, unsigned line, unsigned seq,
				const void *slot = &tp_slot_a)
{
	kp_probe_desc d{};
	d.kind = KP_KIND_TRACEPOINT, d.symbol = name, d.tp_probe = slot;
	d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}

inline void run_begin_a() { fake::ran("begin_a"); }
inline void run_begin_b() { fake::ran("begin_b"); }
inline void run_end_a() { fake::ran("end_a"); }
inline void run_end_b() { fake::ran("end_b"); }
inline void run_tick() { fake::ran("tick"); }
// kind: KP_KIND_BEGIN, KP_KIND_END or KP_KIND_INTERVAL (period_ms > 0)
inline kp_probe_desc run_probe(unsigned kind, const char *sym, kp_run_t *run, const char *file,
			       unsigned line, unsigned seq, unsigned period_ms = 0)
{
	kp_probe_desc d{};
	d.kind = kind, d.symbol = sym, d.run = run, d.period_ms = period_ms;
	d.file = file, d.line = line, d.seq = seq, d.unit = unit_of(file);
	return d;
}

inline kp_probe_desc named(kp_probe_desc d, const char *name)
{
	d.name = name;
	return d;
}
inline kp_probe_desc with_flags(kp_probe_desc d, unsigned flags)
{
	d.flags |= flags;
	return d;
}

// A "kp_probes section": the descriptors, the pointer array, order[], rt[].
struct section {
	std::deque<kp_probe_desc> descs; // stable addresses
	std::vector<const kp_probe_desc *> entries;
	std::vector<unsigned> order;
	std::vector<kp_probe_rt> rt;
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
	// with_rt false: the registry as callers without per-probe state use it
	kp_registry *reg(bool with_rt = true)
	{
		order.assign(entries.size(), 0xdeadu);
		kp_probe_rt garbage;
		std::memset(&garbage, 0xa5, sizeof(garbage));
		rt.assign(entries.size(), garbage);
		r.begin = entries.data();
		r.end = entries.data() + entries.size();
		r.order = order.data();
		r.rt = with_rt ? rt.data() : nullptr;
		r.count = 0xdead, r.registered = 0xdead;
		fake::get().reg = &r;
		return &r;
	}
	std::string name(unsigned idx) const { return kp_registry_name(&r, idx); }
	unsigned state(unsigned idx) const { return rt[idx].state; }
	// order[] as "2 1 0 3"
	std::string order_str() const
	{
		std::string s;
		for (unsigned i = 0; i < r.count; i++)
			s += (i ? " " : "") + std::to_string(order[i]);
		return s;
	}
};

// The names the registry gives the descriptors es, in registration order
// (prepare with rt over a real section; an empty list if prepare fails).
inline std::vector<std::string> registry_names(std::vector<const kp_probe_desc *> es,
					       std::vector<unsigned> *wants = nullptr)
{
	std::vector<unsigned> order(es.size());
	std::vector<kp_probe_rt> rt(es.size());
	kp_registry r{};
	r.begin = es.data();
	r.end = es.data() + es.size();
	r.order = order.data();
	r.rt = rt.data();
	fake::reset();
	std::vector<std::string> names;
	if (kp_registry_prepare(&r) != 0)
		return names;
	for (unsigned i = 0; i < r.count; i++) {
		names.push_back(kp_registry_name(&r, order[i]));
		if (wants)
			wants->push_back(rt[order[i]].want);
	}
	return names;
}

} // namespace
