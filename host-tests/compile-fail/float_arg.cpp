// expect: kp::Args: floating-point arguments are passed in FP/SIMD registers that kprobes do not save
#include "kp.hpp"
static void h(int, float) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, float>>, h);
