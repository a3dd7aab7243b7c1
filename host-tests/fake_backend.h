// SPDX-License-Identifier: GPL-2.0
// A fake kernel core for framework/core/kp_registry.c: the backend
// functions of kp_registry.h record a call log and can be told to fail the
// k-th registration.
#pragma once

#include <string>
#include <vector>

#include "core/kp_registry.h"

namespace fake {

struct call {
	enum kind_t { reg, unreg, sync, invalid } kind;
	const kp_probe_desc *desc; // reg/unreg/invalid
	unsigned idx;		   // reg/unreg: index into begin[]
	int arg;		   // sync: had_tracepoints; reg: the result returned
	std::string why;	   // invalid
	const kp_probe_desc *other; // invalid: the first copy of a duplicate
};

struct backend {
	std::vector<call> log;
	std::vector<unsigned> live; // registered indices, in registration order
	unsigned registrations = 0; // attempts so far
	unsigned fail_at = 0;	    // 1-based attempt to fail; 0: never
	int fail_errno = 0;
	bool violation = false;	    // unregistering something not registered, etc.
	std::string violation_why;

	void fail(unsigned attempt, int err) { fail_at = attempt, fail_errno = err; }
	std::vector<call> of(call::kind_t k) const;
	// "R0 R1 U1 U0 S0": the log in short form (I for invalid).
	std::string trace() const;
};

// The one backend the registry talks to; reset() before each test.
backend &get();
void reset();

} // namespace fake
