// SPDX-License-Identifier: GPL-2.0
// kp_bench_fw_kretprobe.ko: the framework's kretprobe on kp_bench_fn, its
// return value (bench/kp_bench.h); maxactive as the handwritten module's.
#include "bench/fw/kp_bench_fw.hpp"

static void on_ret(unsigned long ret)
{
	kp_bench::store(ret);
}
KP_PROBE(kp::Kretprobe<"kp_bench_fn", kp::Returns<unsigned long>, kp::MaxActive<20>>, on_ret);
