// expect: kp::Args: void is not an argument type
#include "kp.hpp"
static void h() {}
KP_PROBE(kp::Kprobe<"f", kp::Args<void>>, h);
