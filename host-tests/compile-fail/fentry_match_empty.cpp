// expect: kp::FentryMatch: the pattern is empty
#include "kp.hpp"
static void on_each(kp::Sym) {}
KP_PROBE(kp::FentryMatch<"">, on_each);
