// SPDX-License-Identifier: GPL-2.0
// kp_bench_fw_kprobe.ko: the framework's kprobe on kp_bench_fn (bench/kp_bench.h).
#include "bench/fw/kp_bench_fw.hpp"

static void on_fn(unsigned long i, int tag)
{
	kp_bench::store(i + tag);
}
KP_PROBE(kp::Kprobe<"kp_bench_fn", kp::Args<unsigned long, int>>, on_fn);
