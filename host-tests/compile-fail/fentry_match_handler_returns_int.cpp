// expect: kp::FentryMatch: the handler must return void
#include "kp.hpp"
static int on_each(kp::Sym) { return 0; }
KP_PROBE(kp::FentryMatch<"vfs_*">, on_each);
