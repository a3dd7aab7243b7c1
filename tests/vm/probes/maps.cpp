// SPDX-License-Identifier: GPL-2.0
// Maps (tests/vm/t/36-maps.sh): every aggregation of kp_target_value(v),
// which kp_target's repeat file calls with v = 1..N.
#include "kp.hpp"

KP_MAP(value_count, kp::Count<>);
KP_MAP(value_sum, kp::Sum<>);
KP_MAP(value_min, kp::Min<>);
KP_MAP(value_max, kp::Max<>);
KP_MAP(value_avg, kp::Avg<>);
KP_MAP(value_log2, kp::Hist<>);
KP_MAP(value_linear, kp::LinearHist<0, 1000, 100>);
// per process, and per (comm, process): the per-CPU merge of exact counts
KP_MAP(calls_by_pid, kp::Count<kp::Key<int>, 64>);
KP_MAP(calls_by_comm_pid, kp::Count<kp::Key<kp::task_comm, int>, 64>);
// 100 keys per CPU: v = 1..1000 on one CPU keeps 100 and drops 900
KP_MAP(value_small, kp::Count<kp::Key<long>, 100>);

static void on_value(long v)
{
	value_count.inc();
	value_sum.add(v);
	value_min.add(v);
	value_max.add(v);
	value_avg.add(v);
	value_log2.add(v);
	value_linear.add(v);
	calls_by_pid[kp::current_tgid()].inc();
	calls_by_comm_pid(kp::current_comm(), kp::current_tgid()).inc();
	value_small[v].inc();
}
KP_PROBE(kp::Kprobe<"kp_target_value", kp::Args<long>, kp::Name<"maps_value">>, on_value);
