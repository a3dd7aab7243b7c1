// SPDX-License-Identifier: GPL-2.0
// kp_bench_fw_fentry.ko: the framework's entry probe on ftrace on kp_bench_fn (bench/kp_bench.h).
#include "bench/fw/kp_bench_fw.hpp"

static void on_fn(unsigned long i, int tag)
{
	kp_bench::store(i + tag);
}
KP_PROBE(kp::Fentry<"kp_bench_fn", kp::Args<unsigned long, int>>, on_fn);
