// SPDX-License-Identifier: GPL-2.0
#include "fake_backend.h"

#include <fnmatch.h>

#include <algorithm>

namespace fake {
namespace {
backend the;
}

backend &get() { return the; }
void reset() { the = backend{}; }
void ran(const char *what) { the.log.push_back(call{ call::run, nullptr, 0, 0, what, nullptr }); }

std::vector<call> backend::of(call::kind_t k) const
{
	std::vector<call> v;
	for (const auto &c : log)
		if (c.kind == k)
			v.push_back(c);
	return v;
}

std::vector<std::string> backend::messages() const
{
	std::vector<std::string> v;
	for (const auto &c : log)
		if (c.kind == call::message)
			v.push_back(c.why);
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
			s += (c.arg ? "F" : "R") + std::to_string(c.idx) + (c.disarmed ? "d" : "");
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
		case call::enable:
			s += std::string(c.arg ? "X" : "") + (c.on ? "E" : "D") + std::to_string(c.idx);
			break;
		case call::message:
			s += "M";
			break;
		case call::run:
			s += "@" + c.why;
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
	if (b.fail_idx.count(idx))
		err = b.fail_idx[idx];
	bool disarmed = b.reg && b.reg->rt && (b.reg->rt[idx].want & KP_WANT_DISABLED);
	if (std::find(b.live.begin(), b.live.end(), idx) != b.live.end()) {
		b.violation = true;
		b.violation_why += "registered twice: " + std::to_string(idx) + "; ";
	}
	call c{ call::reg, d, idx, err, {}, nullptr };
	c.disarmed = disarmed;
	b.log.push_back(c);
	if (!err) {
		b.live.push_back(idx);
		b.armed[idx] = !disarmed;
	}
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
		b.armed.erase(idx);
	}
	b.log.push_back({ call::unreg, d, idx, 0, {}, nullptr });
}

extern "C" void kp_backend_sync(int what)
{
	fake::the.log.push_back({ call::sync, nullptr, 0, what, {}, nullptr });
}

extern "C" void kp_backend_report_invalid(const struct kp_probe_desc *d, const char *why,
					  const struct kp_probe_desc *other)
{
	fake::the.log.push_back({ call::invalid, d, 0, 0, why ? why : "", other });
}

extern "C" int kp_backend_set_enabled(const struct kp_probe_desc *d, unsigned int idx, int on)
{
	auto &b = fake::the;
	int err = ++b.switches == b.fail_switch_at ? b.fail_switch_errno : 0;
	if (!b.armed.count(idx)) {
		b.violation = true;
		b.violation_why += "enable/disable of an unregistered probe: " + std::to_string(idx) + "; ";
	} else if (b.armed[idx] == (on != 0)) {
		b.violation = true;
		b.violation_why += "enable/disable to the state it has: " + std::to_string(idx) + "; ";
	} else if (!err) {
		b.armed[idx] = on != 0;
	}
	call c{ call::enable, d, idx, err, {}, nullptr };
	c.on = on != 0;
	b.log.push_back(c);
	return err;
}

extern "C" void kp_backend_message(int level, const char *msg)
{
	fake::the.log.push_back({ call::message, nullptr, 0, level, msg, nullptr });
}

// The kernel's glob_match: *, ?, [...] with ranges and ! or ^ negation, no
// escapes, no special meaning for / or a leading dot.
extern "C" int kp_backend_glob(const char *pattern, const char *name)
{
	return fnmatch(pattern, name, FNM_NOESCAPE) == 0;
}
