// expect: kp::Kprobe: the symbol name is empty
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"", kp::Args<int>>, h);
