// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark's guest driver (static, like tests/vm/guest/kp_guest.c):
 *
 *   kp_bench call FILE N [K]  writes N to FILE (/sys/kernel/debug/kp_bench/call
 *                             or .../tp: the target module runs its hot path N
 *                             times), K times (default 1); ns per call from
 *                             the module's own loop time (read back from FILE)
 *                             and from the write as timed here
 *   kp_bench syscall N [K]    umask(KP_BENCH_UMASK) N times, K times; ns per call
 *   kp_bench time CMD...      runs CMD, prints its wall time in ms
 *
 * Output: one line "ns=MIN med=MEDIAN wall_ns=MIN n=N k=K" (call, syscall:
 * over the K runs; the minimum is the run least disturbed by the host's
 * other load under emulation), or "ms=X.X rc=R" (time).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kp_bench.h"

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* One run of N calls: ns per call, from the module's clock (call) and from ours (wall). */
static int run_call(const char *file, long n, double *ns, double *wall)
{
	char buf[32];
	double t0, t1;
	int fd = open(file, O_RDWR), len;
	ssize_t got;

	if (fd < 0) {
		perror(file);
		return 1;
	}
	len = snprintf(buf, sizeof(buf), "%ld", n);
	t0 = now_ns();
	if (write(fd, buf, len) != len) {
		perror("write");
		return 1;
	}
	t1 = now_ns();
	got = pread(fd, buf, sizeof(buf) - 1, 0);
	close(fd);
	if (got <= 0)
		return 1;
	buf[got] = '\0';
	*ns = strtod(buf, NULL) / n;
	*wall = (t1 - t0) / n;
	return 0;
}

static int run_syscall(long n, double *ns, double *wall)
{
	double t0 = now_ns();
	long i;

	for (i = 0; i < n; i++)
		syscall(SYS_umask, KP_BENCH_UMASK);
	*ns = *wall = (now_ns() - t0) / n;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* K runs of N calls on FILE (NULL: the syscall loop); prints min, median. */
static int bench(const char *file, long n, int k)
{
	double ns[64], wall[64], med;
	int i;

	if (n <= 0 || k < 1 || k > 64)
		return 2;
	for (i = 0; i < k; i++)
		if (file ? run_call(file, n, &ns[i], &wall[i]) : run_syscall(n, &ns[i], &wall[i]))
			return 1;
	qsort(wall, k, sizeof(double), cmp_double);
	qsort(ns, k, sizeof(double), cmp_double);
	med = k % 2 ? ns[k / 2] : (ns[k / 2 - 1] + ns[k / 2]) / 2;
	printf("ns=%.2f med=%.2f wall_ns=%.2f n=%ld k=%d\n", ns[0], med, wall[0], n, k);
	return 0;
}

static int bench_time(char **argv)
{
	double t0 = now_ns();
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return 1;
	printf("ms=%.1f rc=%d\n", (now_ns() - t0) / 1e6, WIFEXITED(status) ? WEXITSTATUS(status) : 128);
	return 0;
}

int main(int argc, char **argv)
{
	if ((argc == 4 || argc == 5) && !strcmp(argv[1], "call"))
		return bench(argv[2], atol(argv[3]), argc == 5 ? atoi(argv[4]) : 1);
	if ((argc == 3 || argc == 4) && !strcmp(argv[1], "syscall"))
		return bench(NULL, atol(argv[2]), argc == 4 ? atoi(argv[3]) : 1);
	if (argc >= 3 && !strcmp(argv[1], "time"))
		return bench_time(argv + 2);
	fprintf(stderr, "usage: kp_bench call FILE N [K] | syscall N [K] | time CMD...\n");
	return 2;
}
