// SPDX-License-Identifier: GPL-2.0
// kp_bench_fw_sys.ko: the framework's syscall probe on umask(int mask) (bench/kp_bench.h).
#include "bench/fw/kp_bench_fw.hpp"

static void on_umask(int mask)
{
	kp_bench::store(mask);
}
KP_PROBE(kp::Syscall<"umask", kp::Args<int>>, on_umask);
