// expect: kp::print: the format has a { or } that is not part of {}
#include "kp.hpp"
static void h(int dfd) { kp::print<"dfd={dfd}\n">(dfd); }
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h);
