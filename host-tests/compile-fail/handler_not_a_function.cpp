// expect: KP_PROBE: a handler must be a function or a captureless lambda
#include "kp.hpp"
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, 42);
