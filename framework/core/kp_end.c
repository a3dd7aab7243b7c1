// SPDX-License-Identifier: GPL-2.0
/* End of the registry: linked last (see kp_begin.c). */
#include "../kp_abi.h"

const struct kp_probe_desc *const __kp_probes_end[0]
	__attribute__((section("kp_probes"), used, aligned(8))) = {};
const struct kp_map_desc *const __kp_maps_end[0]
	__attribute__((section("kp_maps"), used, aligned(8))) = {};
