// expect: kp::print: argument 3 has no {} in the format
#include "kp.hpp"
static void h(int dfd, long n) { kp::print<"dfd={} n={}\n">(dfd, n, n); }
KP_PROBE(kp::Kprobe<"f", kp::Args<int, long>>, h);
