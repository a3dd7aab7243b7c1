// expect: kp::Key<T...>: every key field must be an integer, an enum or kp::task_comm
#include "kp.hpp"
KP_MAP(by_name, kp::Count<kp::Key<const char *>, 64>);
