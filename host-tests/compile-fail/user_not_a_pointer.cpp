// expect: kp::User<P>: P must be a pointer type, e.g. kp::User<const char *> for `const char __user *`
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<kp::User<int>>>, h);
