// expect: kp::Kprobe: options are one kp::Args<T...> or one kp::Offset<N>
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int>, kp::Args<int>>, h);
