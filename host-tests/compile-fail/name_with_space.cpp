// expect: kp::Name<"...">: a probe name is printable ASCII without spaces, commas or * ? [ ] \ (the module parameters and the control file split at those or read them as patterns)
#include "kp.hpp"
static void h(int, const char *) {}
KP_PROBE(kp::Tracepoint<"t", kp::Args<int, const char *>, kp::Name<"my probe">>, h);
