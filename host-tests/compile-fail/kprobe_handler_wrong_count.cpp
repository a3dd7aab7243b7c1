// expect: kp::Kprobe: the handler takes a different number of parameters than kp::Args<...> declares
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, int>>, h);
