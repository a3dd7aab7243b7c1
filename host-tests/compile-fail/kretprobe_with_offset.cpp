// expect: kp::Kretprobe: a kretprobe attaches at function entry only; kp::Offset<N> is not allowed
#include "kp.hpp"
static void on_return(long) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<long>, kp::Offset<8>>, on_return);
