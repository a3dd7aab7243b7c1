// expect: kp::error::syscall_argument<3>::points_to_user_memory_declare_it_as_kp_User<void
#include "kp.hpp"
static void on_return(long) {}
KP_PROBE(kp::SyscallReturn<"read", kp::Args<unsigned, kp::User<void *>, void *>>, on_return);
