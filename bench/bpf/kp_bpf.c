// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark's BPF loader, static (the guest has no shared libraries):
 *
 *   kp_bpf PROG CMD [ARG...]
 *
 * loads the program PROG of kp_bench.bpf.c (the skeleton; the other
 * programs are not loaded), attaches it, runs CMD, then prints
 * "kp_bpf: PROG hits=N last=V" (the per-CPU hit count summed, the value the
 * program stored) and detaches.  Exits with CMD's status, 2 if PROG could
 * not be loaded or attached.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <bpf/libbpf.h>
#include <bpf/bpf.h>

#include "kp_bench.skel.h"

static int quiet_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_DEBUG ? 0 : vfprintf(stderr, fmt, ap);
}

int main(int argc, char **argv)
{
	struct kp_bench_bpf *skel;
	struct bpf_program *prog, *want = NULL;
	struct bpf_link *link;
	unsigned long long sum = 0, *vals;
	int ncpu, status, rc, i, key = 0;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: kp_bpf PROG CMD [ARG...]\n");
		return 2;
	}
	libbpf_set_print(quiet_print);
	skel = kp_bench_bpf__open();
	if (!skel) {
		fprintf(stderr, "kp_bpf: open: %s\n", strerror(errno));
		return 2;
	}
	bpf_object__for_each_program(prog, skel->obj) {
		int match = !strcmp(bpf_program__name(prog), argv[1]);

		bpf_program__set_autoload(prog, match);
		if (match)
			want = prog;
	}
	if (!want) {
		fprintf(stderr, "kp_bpf: no program %s\n", argv[1]);
		return 2;
	}
	rc = kp_bench_bpf__load(skel);
	if (rc) {
		fprintf(stderr, "kp_bpf: %s: load: %s\n", argv[1], strerror(-rc));
		return 2;
	}
	link = bpf_program__attach(want);
	if (!link) {
		int err = errno;

		/* 524: the kernel's ENOTSUPP, which libc has no name for */
		if (err == 524 || err == EOPNOTSUPP) {
			printf("kp_bpf: %s: not supported by this kernel (errno %d)\n", argv[1], err);
			return 3;
		}
		fprintf(stderr, "kp_bpf: %s: attach: %s\n", argv[1], strerror(err));
		return 2;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return 2;
	ncpu = libbpf_num_possible_cpus();
	vals = calloc(ncpu, sizeof(*vals));
	if (vals && !bpf_map__lookup_elem(skel->maps.hits, &key, sizeof(key), vals,
					  ncpu * sizeof(*vals), 0))
		for (i = 0; i < ncpu; i++)
			sum += vals[i];
	printf("kp_bpf: %s hits=%llu last=%llu\n", argv[1], sum, (unsigned long long)skel->bss->last);
	bpf_link__destroy(link);
	kp_bench_bpf__destroy(skel);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
