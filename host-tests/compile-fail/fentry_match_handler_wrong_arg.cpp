// expect: kp::error::fentry_match_handler_parameter<2>::is_declared_as<int>::but_the_handler_takes<long
#include "kp.hpp"
static void on_each(kp::Sym, long) {} // the 2nd is declared int
KP_PROBE(kp::FentryMatch<"vfs_*", kp::Args<int>>, on_each);
