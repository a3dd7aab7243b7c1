// expect: kp::Kretprobe: the entry handler's parameters must be (D &, T...) with kp::Data<D> and kp::Args<T...>, or (T...) without kp::Data
#include "kp.hpp"
struct call {
	int fd;
};
static void on_entry(int) {} // forgot call &
static void on_return(call &, int) {}
KP_PROBE(kp::Kretprobe<"f", kp::Args<int>, kp::Returns<int>, kp::Data<call>>, on_entry, on_return);
