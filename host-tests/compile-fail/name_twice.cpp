// expect: kp::Kprobe: an option is given twice: kp::Kprobe takes kp::Args<T...> or kp::Offset<N>, and kp::Name<"name">, kp::Optional
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Name<"a">, kp::Args<int>, kp::Name<"b">>, h);
