// expect: kp::Kprobe: the handler must return void
#include "kp.hpp"
static int h(int, int) { return 0; } // two mistakes: the first is the one error
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h);
