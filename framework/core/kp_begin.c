// SPDX-License-Identifier: GPL-2.0
/*
 * Start of the registry.  Module objects are linked with `ld -r`, which does
 * not synthesise __start_/__stop_ symbols, so Kbuild links this object
 * first and kp_end.o last: their empty arrays bracket every object's
 * "kp_probes" entries.
 */
#include "../kp_abi.h"

const struct kp_probe_desc *const __kp_probes_begin[0]
	__attribute__((section("kp_probes"), used, aligned(8))) = {};
/* The maps' registry ("kp_maps"), bracketed the same way. */
const struct kp_map_desc *const __kp_maps_begin[0]
	__attribute__((section("kp_maps"), used, aligned(8))) = {};
