// expect: kp::MaxMatches<N>: N is how many functions the pattern may match, from 1 to 65536
#include "kp.hpp"
static void on_each(kp::Sym) {}
KP_PROBE(kp::FentryMatch<"vfs_*", kp::MaxMatches<0>>, on_each);
