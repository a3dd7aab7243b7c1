// SPDX-License-Identifier: GPL-2.0
#include "fake_backend.h"

#include <algorithm>

namespace fake {
namespace {
backend the;
}

backend &get() { return the; }
void reset() { the = backend{}; }

std::vector<call> backend::of(call::kind_t k) const
{
	std::vector<call> v;
	for (const auto &c : log)
		if (c.kind == k)
			v.push_back(c);
	return v;
}

std::string backend::trace() const
{
	std::string s;
	for (const auto &c : log) {
		if (!s.empty())
			s += ' ';
		switch (c.kind) {
		case call::reg:
			s += (c.arg ? "F" : "R") + std::to_string(c.idx);
			break;
		case call::unreg:
			s += "U" + std::to_string(c.idx);
			break;
		case call::sync:
			s += "S" + std::to_string(c.arg);
			break;
		case call::invalid:
			s += "I";
			break;
		}
	}
	return s;
}

} // namespace fake

using fake::call;

extern "C" int kp_backend_register(const struct kp_probe_desc *d, unsigned int idx)
{
	auto &b = fake::the;
	int err = ++b.registrations == b.fail_at ? b.fail_errno : 0;
	if (std::find(b.live.begin(), b.live.end(), idx) != b.live.end()) {
		b.violation = true;
		b.violation_why += "registered twice: " + std::to_string(idx) + "; ";
	}
	b.log.push_back({ call::reg, d, idx, err, {}, nullptr });
	if (!err)
		b.live.push_back(idx);
	return err;
}

extern "C" void kp_backend_unregister(const struct kp_probe_desc *d, unsigned int idx)
{
	auto &b = fake::the;
	auto it = std::find(b.live.begin(), b.live.end(), idx);
	if (it == b.live.end()) {
		b.violation = true;
		b.violation_why += "unregistered but not registered: " + std::to_string(idx) + "; ";
	} else {
		b.live.erase(it);
	}
	b.log.push_back({ call::unreg, d, idx, 0, {}, nullptr });
}

extern "C" void kp_backend_sync(int had_tracepoints)
{
	fake::the.log.push_back({ call::sync, nullptr, 0, had_tracepoints, {}, nullptr });
}

extern "C" void kp_backend_report_invalid(const struct kp_probe_desc *d, const char *why,
					  const struct kp_probe_desc *other)
{
	fake::the.log.push_back({ call::invalid, d, 0, 0, why ? why : "", other });
}
