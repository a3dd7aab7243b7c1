// expect: kp::Returns: floating-point return values live in FP/SIMD registers that kprobes do not save
#include "kp.hpp"
static void h(double) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<double>>, h);
