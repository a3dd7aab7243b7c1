// expect: kp::Kprobe: the handler must return void
#include "kp.hpp"
static int h(int) { return 0; }
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h);
