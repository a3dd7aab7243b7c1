// expect: kp::Kprobe: unknown option: kp::Kprobe takes kp::Args<T...> or kp::Offset<N>
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", int>, h);
