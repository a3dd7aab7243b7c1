// SPDX-License-Identifier: GPL-2.0
// The traits of every architecture, by name, for the host tests: the
// framework itself only defines kp::arch::native (the one it is built for).
// Adding an architecture: one line here, beside its table in arch/.
#pragma once

#include "kp/decode.hpp"

namespace kp {
namespace {
namespace arch {
constexpr kp_arch_table x86_64_table = KP_ARCH_TABLE_X86_64;
constexpr kp_arch_table arm64_table = KP_ARCH_TABLE_ARM64;
using x86_64 = arch_traits<kp_x86_64_regs, x86_64_table>;
using arm64 = arch_traits<kp_arm64_regs, arm64_table>;
// the ftrace register view with DYNAMIC_FTRACE_WITH_ARGS (arm64 6.12: kp::Fentry)
constexpr kp_arch_table arm64_ftrace_table = KP_ARCH_FTRACE_TABLE_ARM64;
using arm64_ftrace = arch_traits<kp_arm64_fregs, arm64_ftrace_table>;
} // namespace arch
} // namespace
} // namespace kp
