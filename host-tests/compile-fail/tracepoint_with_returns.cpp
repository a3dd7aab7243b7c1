// expect: kp::Tracepoint: unknown option: kp::Tracepoint takes only kp::Args<T...>, the tracepoint's TP_PROTO
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Tracepoint<"t", kp::Args<int>, kp::Returns<int>>, h);
