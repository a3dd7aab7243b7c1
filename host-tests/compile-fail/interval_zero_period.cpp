// expect: kp::Interval<N>: N is the period in milliseconds, from 1 to 86400000
#include "kp.hpp"
static void tick() {}
KP_PROBE(kp::Interval<0>, tick);
