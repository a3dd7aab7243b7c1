// SPDX-License-Identifier: GPL-2.0
// A second probe file, linked after descriptors_test.cpp: the registry keeps
// link order between files.  Also the section walk.
#include "descriptors.h"

#include "kp.hpp"

namespace {
void other_open(int, const char *, const void *) {}
void other_close(unsigned int) {}
void other_ret(long) {}
} // namespace

// Same symbol as a probe in descriptors_test.cpp, another handler: not a duplicate.
KP_PROBE(kp::Kprobe<"do_sys_openat2", kp::Args<int, const char *, const void *>>, other_open);
KP_PROBE(kp::Kprobe<"close_fd", kp::Args<unsigned int>>, other_close);
KP_PROBE(kp::SyscallReturn<"close">, other_ret);

// The ELF linker defines these for a section whose name is a C identifier.
extern "C" const kp_probe_desc *const __start_kp_probes[];
extern "C" const kp_probe_desc *const __stop_kp_probes[];

std::vector<const kp_probe_desc *> section_entries()
{
	return { __start_kp_probes, __stop_kp_probes };
}
