// expect: kp::error::syscall_argument<2>::points_to_user_memory_declare_it_as_kp_User<const char
#include "kp.hpp"
static void h(int, const char *, int) {}
KP_PROBE(kp::Syscall<"openat", kp::Args<int, const char *, int>>, h);
