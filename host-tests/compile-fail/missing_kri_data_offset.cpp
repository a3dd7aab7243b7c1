// expect: KP_KRI_DATA_OFFSET is not defined: build C++ probes through Kbuild (make)
#undef KP_KRI_DATA_OFFSET
#include "kp.hpp"
