// expect: kp::error::kretprobe_entry_handler_takes<1>::parameters_but_its_declaration_has<2>
#include "kp.hpp"
struct call {
	int fd;
};
static void on_entry(int) {} // forgot call &
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
