// expect: kp::Fexit: kp::Data<D> is filled by an entry handler: give one, KP_PROBE(probe, on_entry, on_return)
#include "kp.hpp"
struct call {
	int fd;
};
static void on_return(call &, int) {}
KP_PROBE(kp::Fexit<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_return);
