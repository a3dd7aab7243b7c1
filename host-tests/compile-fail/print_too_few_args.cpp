// expect: kp::print: the format's {} number 2 has no argument
#include "kp.hpp"
static void h(int dfd) { kp::print<"dfd={} name={}\n">(dfd); }
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h);
