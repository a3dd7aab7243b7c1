// expect: kp::FentryMatch<"...">: a pattern may not start with ! (ftrace reads that as removing functions)
#include "kp.hpp"
static void on_each(kp::Sym) {}
KP_PROBE(kp::FentryMatch<"!vfs_*">, on_each);
