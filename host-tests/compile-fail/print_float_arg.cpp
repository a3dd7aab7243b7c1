// expect: kp::print: argument 2 has a type kp::print cannot print
#include "kp.hpp"
static void h(int dfd) { kp::print<"dfd={} x={}\n">(dfd, 1.5); }
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h);
