// expect: kp::Fentry: unknown option: kp::Fentry takes only kp::Args<T...> (an entry probe on ftrace attaches at function entry)
#include "kp.hpp"
static void on_entry(long) {}
KP_PROBE(kp::Fentry<"f", kp::Args<long>, kp::Offset<8>>, on_entry);
