// expect: kp::MaxActive<N>: N must not be negative
#include "kp.hpp"
static void on_return(long) {}
KP_PROBE(kp::Kretprobe<"f", kp::Returns<long>, kp::MaxActive<-1>>, on_return);
