// SPDX-License-Identifier: GPL-2.0
// The framework side of the per-hit benchmark (bench/kp_bench.h): a handler
// decodes through the DSL and stores one value, as the handwritten module
// does with WRITE_ONCE; the hit count is the framework's own.
#pragma once

#include "kp.hpp"
#include "bench/kp_bench.h"

extern "C" unsigned long kp_bench_last; // bench/fw/common/kp_bench_last.c

namespace kp_bench {
namespace {
inline void store(unsigned long v)
{
	*static_cast<volatile unsigned long *>(&kp_bench_last) = v; // WRITE_ONCE
}
} // namespace
} // namespace kp_bench
