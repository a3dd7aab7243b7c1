// SPDX-License-Identifier: GPL-2.0
// Host stand-ins for the kernel core's services (kp_abi.h), with fault
// injection for kp_read_kernel, and helpers shared by the host tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kp_abi.h"

namespace host {

// kp_read_kernel copies with memcpy unless the source overlaps a range
// given here: it then scribbles over dst (as a partial copy could) and
// returns -14 (-EFAULT).
void fail_reads(const void *begin, std::size_t len);
void clear_read_faults();

struct read_log {
	unsigned long calls;
	const void *last_src;
	unsigned long last_n;
	long last_result;
};
const read_log &reads();
void reset_reads();

// Every byte of [p, p+n) set to b.
void fill(void *p, std::size_t n, unsigned char b);
template <class T> void fill(T &obj, unsigned char b) { fill(&obj, sizeof(obj), b); }

// The counters of the sampled (timed) hits since reset_samples (kp_hit.h,
// overload protection): kp_sample_end's calls, in order.
const std::vector<const unsigned long *> &samples();
void reset_samples();

// The last kp_printk output.
const std::string &last_printk();
// The last kp_trace_printf call: its format, and its output (formatted by
// the host's vsnprintf: kernel extensions such as %pS print differently).
const std::string &last_trace_format();
const std::string &last_trace();
unsigned long trace_calls();

} // namespace host
