// SPDX-License-Identifier: GPL-2.0
// kp_bench_fw_fexit.ko: the framework's kp::Fexit on kp_bench_fn, its return
// value (bench/kp_bench.h): an fprobe where the kernel has one (amd64 6.12),
// else the same kretprobe as kp_bench_fw_kretprobe.ko; maxactive as the
// handwritten module's.
#include "bench/fw/kp_bench_fw.hpp"

static void on_ret(unsigned long ret)
{
	kp_bench::store(ret);
}
KP_PROBE(kp::Fexit<"kp_bench_fn", kp::Returns<unsigned long>, kp::MaxActive<20>>, on_ret);
