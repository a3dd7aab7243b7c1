// expect: kp::Kprobe: the handler's parameter types must be exactly the types in kp::Args<...>, in the same order
#include "kp.hpp"
static void h(long, const char *) {} // int declared: long is not accepted
KP_PROBE(kp::Kprobe<"f", kp::Args<int, const char *>>, h);
