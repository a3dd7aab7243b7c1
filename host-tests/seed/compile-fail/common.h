/* SPDX-License-Identifier: GPL-2.0 */
/* What every compile-fail case includes: kprobe.h as the host tests use it. */
#include <stdbool.h>
#include "seed_host.h"
#define KP_HOST_TEST 1
#include "kprobe.h"
