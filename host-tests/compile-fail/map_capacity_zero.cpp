// expect: a map's capacity (its last template argument, keys per CPU) must be at least 1
#include "kp.hpp"
KP_MAP(opens, kp::Count<kp::Key<int>, 0>);
