// expect: kp::Kprobe: an option is given twice: kp::Kprobe takes kp::Args<T...> or kp::Offset<N>
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int>, kp::Args<int>>, h);
