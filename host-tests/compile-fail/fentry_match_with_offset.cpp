// expect: kp::FentryMatch: unknown option: kp::FentryMatch takes kp::Args<T...> (the leading arguments every matching function has) and kp::MaxMatches<N>
#include "kp.hpp"
static void on_each(kp::Sym) {}
KP_PROBE(kp::FentryMatch<"vfs_*", kp::Offset<4>>, on_each);
