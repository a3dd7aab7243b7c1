// expect: kp::Kprobe: a probe at kp::Offset<N> receives the registers (const kp::Regs &), not kp::Args<...>
#include "kp.hpp"
static void h(const kp::Regs &) {}
KP_PROBE(kp::Kprobe<"f", kp::Offset<4>, kp::Args<int>>, h);
