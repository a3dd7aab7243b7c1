// expect: kp::Args: references cannot be probed: declare a pointer (T*) instead
#include "kp.hpp"
static void h(const int &) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<const int &>>, h);
