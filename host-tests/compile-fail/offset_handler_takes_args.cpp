// expect: kp::Kprobe<..., kp::Offset<N>>: the handler must be void(const kp::Regs &)
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Kprobe<"f", kp::Offset<4>>, h);
