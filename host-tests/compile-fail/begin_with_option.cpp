// expect: kp::Begin: unknown option: kp::Begin takes no options of its own, and kp::Name<"name">, kp::Optional
#include "kp.hpp"
static void on_begin() {}
KP_PROBE(kp::Begin<kp::Args<int>>, on_begin);
