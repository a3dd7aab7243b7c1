// SPDX-License-Identifier: GPL-2.0
// kp_bench_fw_tp.ko: the framework's probe on the tracepoint kp_bench_hit (bench/kp_bench.h).
#include "bench/fw/kp_bench_fw.hpp"

static void on_hit(unsigned long i, int tag)
{
	kp_bench::store(i + tag);
}
KP_PROBE(kp::Tracepoint<"kp_bench_hit", kp::Args<unsigned long, int>>, on_hit);
