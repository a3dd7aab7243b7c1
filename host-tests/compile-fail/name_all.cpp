// expect: kp::Name<"...">: "all" and numbers are not probe names (control commands read them as every probe and as an index)
#include "kp.hpp"
static void h(int) {}
KP_PROBE(kp::Syscall<"close", kp::Args<int>, kp::Name<"all">>, h);
