// expect: kp::Begin, kp::End, kp::Interval: the handler must be void(), without parameters
#include "kp.hpp"
static void on_begin(int) {}
KP_PROBE(kp::Begin<>, on_begin);
