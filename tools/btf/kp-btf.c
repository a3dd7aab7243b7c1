// SPDX-License-Identifier: GPL-2.0
/*
 * kp-btf: the target kernel's BTF, for writing probes (run through the
 * wrapper tools/kp-btf, which finds the BTF of a cached target kernel).
 *   kp-btf BTF list PATTERN                     functions and tracepoints
 *   kp-btf BTF scaffold SYMBOL [--tracepoint|--return]   a probe file on stdout
 *   kp-btf BTF proto SYMBOL [--tracepoint]      one prototype
 *   kp-btf BTF|none fields OBJECT...             the kp::read_field offsets the
 *                                               objects refer to, as assembler
 *   kp-btf BTF|none offsets NAME=STRUCT.FIELD...  a C header: the fields'
 *                                               offsets and sizes (the core's
 *                                               reads of private structs)
 *   kp-btf BTF check OBJECT...                  the probes' declared types
 *                                               (section .kp_types) against BTF
 * BTF: a vmlinux (ELF with .BTF), a raw blob, /sys/kernel/btf/vmlinux.
 */
#include "kp_btf.h"

#include <bpf/btf.h>
#include <string.h>

static int usage(void)
{
	fprintf(stderr, "usage: kp-btf BTF list PATTERN\n"
			"       kp-btf BTF scaffold SYMBOL [--tracepoint|--return]\n"
			"       kp-btf BTF proto SYMBOL [--tracepoint]\n"
			"       kp-btf BTF check OBJECT...\n"
			"       kp-btf BTF|none fields OBJECT...\n"
			"       kp-btf BTF|none offsets NAME=STRUCT.FIELD...\n");
	return 2;
}

int main(int argc, char **argv)
{
	unsigned flags = 0;
	struct btf *btf;
	char buf[4096];
	int rc, i;

	/* the build's generators: BTF may be "none" (then nothing resolves) */
	if (argc >= 3 && (!strcmp(argv[2], "fields") || !strcmp(argv[2], "offsets"))) {
		btf = strcmp(argv[1], "none") ? kpb_open(argv[1], stderr) : NULL;
		if (!btf && strcmp(argv[1], "none"))
			return 1;
		rc = (!strcmp(argv[2], "fields") ? kpb_fields : kpb_offsets)(btf, argv + 3, argc - 3,
									     stdout, stderr) ? 1 : 0;
		btf__free(btf);
		return rc;
	}
	if (argc < 4)
		return usage();
	if (!strcmp(argv[2], "check")) {
		btf = kpb_open(argv[1], stderr);
		if (!btf)
			return 1;
		for (rc = 0, i = 3; i < argc; i++) {
			int n = kpb_check_object(btf, argv[i], stderr);
			rc |= n != 0;
		}
		btf__free(btf);
		return rc;
	}
	for (i = 4; i < argc; i++) {
		if (!strcmp(argv[i], "--tracepoint"))
			flags |= KPB_TRACEPOINT;
		else if (!strcmp(argv[i], "--return"))
			flags |= KPB_RETURN;
		else
			return usage();
	}
	btf = kpb_open(argv[1], stderr);
	if (!btf)
		return 1;
	if (!strcmp(argv[2], "list")) {
		rc = kpb_list(btf, argv[3], stdout) > 0 ? 0 : 1;
		if (rc)
			fprintf(stderr, "kp-btf: nothing in %s matches %s\n", argv[1], argv[3]);
	} else if (!strcmp(argv[2], "scaffold")) {
		rc = kpb_scaffold(btf, argv[3], flags, stdout, stderr) ? 1 : 0;
	} else if (!strcmp(argv[2], "proto")) {
		rc = kpb_prototype(btf, argv[3], flags, buf, sizeof(buf)) ? 1 : 0;
		if (rc)
			fprintf(stderr, "kp-btf: the kernel's BTF has no %s %s\n",
				flags & KPB_TRACEPOINT ? "tracepoint" : "function", argv[3]);
		else
			printf("%s\n", buf);
	} else {
		rc = usage();
	}
	btf__free(btf);
	return rc;
}
