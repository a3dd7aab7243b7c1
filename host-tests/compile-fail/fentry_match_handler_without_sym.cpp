// expect: kp::error::fentry_match_handler_parameter<1>::is_declared_as<kp::
// expect: Sym>::but_the_handler_takes<long
#include "kp.hpp"
static void on_each(long, long) {} // the 1st is the matched function, a kp::Sym
KP_PROBE(kp::FentryMatch<"vfs_*", kp::Args<long>>, on_each);
