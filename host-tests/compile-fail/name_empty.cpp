// expect: kp::Name<"...">: the probe name is empty
#include "kp.hpp"
static void h(long) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<long>, kp::Name<"">>, h);
