// expect: kp::Fentry: unknown option: kp::Fentry takes only kp::Args<T...> (an entry probe on ftrace attaches at function entry)
#include "kp.hpp"
static void on_entry(long) {}
KP_PROBE(kp::Fentry<"vfs_read", kp::Args<long>, kp::MaxMatches<10>>, on_entry);
