// expect: kp::Args: structs and unions passed by value are not supported: declare a pointer
#include "kp.hpp"
union word {
	long l;
	void *p;
};
static void h(int, word) {}
KP_PROBE(kp::Kprobe<"f", kp::Args<int, word>>, h);
