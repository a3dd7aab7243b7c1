// SPDX-License-Identifier: GPL-2.0
// A fake kernel core for framework/core/kp_registry.c and kp_control.c:
// the backend functions of kp_registry.h and kp_control.h record a call
// log and can be told to fail.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/kp_control.h"
#include "core/kp_registry.h"

namespace fake {

struct call {
	enum kind_t { reg, unreg, sync, invalid, enable, message, run } kind;
	const kp_probe_desc *desc; // reg/unreg/invalid/enable
	unsigned idx;		   // reg/unreg/enable: index into begin[]
	int arg;		   // sync: what; reg/enable: the result returned; message: level
	std::string why;	   // invalid, message, run (what ran)
	const kp_probe_desc *other; // invalid: the first copy of a duplicate
	bool on = false;	    // enable: enable (true) or disable
	bool disarmed = false;	    // reg: registered disabled (the registry's want)
};

struct backend {
	std::vector<call> log;
	std::vector<unsigned> live;  // registered indices, in registration order
	std::map<unsigned, bool> armed; // registered index -> enabled
	unsigned registrations = 0;  // attempts so far
	unsigned fail_at = 0;	     // 1-based attempt to fail; 0: never
	int fail_errno = 0;
	std::map<unsigned, int> fail_idx; // index -> errno its registration fails with
	unsigned switches = 0;	     // enable/disable attempts so far
	unsigned fail_switch_at = 0; // 1-based enable/disable attempt to fail
	int fail_switch_errno = 0;
	const kp_registry *reg = nullptr; // read for rt[idx].want (as the kernel's is)
	bool violation = false;	     // unregistering something not registered, etc.
	std::string violation_why;

	void fail(unsigned attempt, int err) { fail_at = attempt, fail_errno = err; }
	std::vector<call> of(call::kind_t k) const;
	// "R0 R1 U1 U0 S0": the log in short form: R registered (R0d: disarmed),
	// F failed, U unregistered, S sync, I invalid, E/D enable/disable
	// (XE/XD: failed), M message, @what a begin/end/interval handler
	// that called fake::ran("what").
	std::string trace() const;
	std::vector<std::string> messages() const;
};

// The one backend the registry talks to; reset() before each test.
backend &get();
void reset();
// A begin, end or interval handler of a test ran: logged as "@what".
void ran(const char *what);

} // namespace fake
