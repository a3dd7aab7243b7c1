// expect: kp::FentryMatch<"...">: a pattern is a shell glob over function names (* ? [...]): printable ASCII without spaces or colons
#include "kp.hpp"
static void on_each(kp::Sym) {}
KP_PROBE(kp::FentryMatch<"vfs_read vfs_write">, on_each);
