// SPDX-License-Identifier: GPL-2.0
// kp_match.ko (tests/vm/t/41-fentry-match.sh): kp::FentryMatch pattern
// probes on kp_target.ko's functions, next to a kp::Fentry by name on the
// module's one ftrace_ops.  The load cases (the t file picks one with
// excluded=): too_many (a required pattern above its kp::MaxMatches),
// nomatch (a required pattern matching nothing), overlap (a kp::Fentry on
// a function a pattern already has).
#include "kp.hpp"

// Every kp_target_chain_? function (a, b, c: one call each per write to
// kp_target's chain file, with N, N+1, N+2): its start and its argument.
static void on_chain(kp::Sym fn, long v)
{
	kp_printk("chain: %pS %px v=%ld\n", fn.addr, fn.addr, v);
}
KP_PROBE(kp::FentryMatch<"kp_target_chain_?", kp::Args<long>, kp::Name<"chain">>, on_chain);

// kp_target_out, kp_target_out_ints, kp_target_out_more: counted (status hits).
static void on_out(kp::Sym) {}
KP_PROBE(kp::FentryMatch<"kp_target_out*", kp::Name<"outs">>, on_out);

// By name, on the same ops: counted.
static void on_value(long) {}
KP_PROBE(kp::Fentry<"kp_target_value", kp::Args<long>, kp::Name<"value">>, on_value);

static void on_any(kp::Sym) {}
// Optional, matching nothing: skipped -ENOENT.
KP_PROBE(kp::FentryMatch<"kp_no_such_other_*", kp::Optional, kp::Name<"nomatch_opt">>, on_any);

// The failing cases, each loaded alone (the others excluded).
KP_PROBE(kp::FentryMatch<"kp_target_*", kp::MaxMatches<2>, kp::Name<"too_many">>, on_any);
KP_PROBE(kp::FentryMatch<"kp_no_such_function_*", kp::Name<"nomatch">>, on_any);
static void on_b(long) {}
KP_PROBE(kp::Fentry<"kp_target_chain_b", kp::Args<long>, kp::Name<"overlap">>, on_b);
