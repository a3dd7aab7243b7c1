// expect: kp::Args: arrays cannot be passed by value: declare a pointer to the element type
#include "kp.hpp"
static void h(int *) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int[4]>>, h);
