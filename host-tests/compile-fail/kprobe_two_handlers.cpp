// expect: KP_PROBE: this probe takes exactly one handler: KP_PROBE(probe, handler)
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, h, h);
