// expect: KP_PROBE: a handler must be a function or a captureless, non-generic lambda
#include "kp.hpp"
KP_PROBE(kp::Kprobe<"f", kp::Args<int>>, 42);
