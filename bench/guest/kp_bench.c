// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark's guest driver (static, like tests/vm/guest/kp_guest.c):
 *
 *   kp_bench call FILE N   writes N to FILE (/sys/kernel/debug/kp_bench/call
 *                          or .../tp: the target module runs its hot path N
 *                          times) and prints ns per call, from the module's
 *                          own loop time (read back from FILE) and from
 *                          the write as timed here
 *   kp_bench syscall N     umask(KP_BENCH_UMASK) N times, ns per call
 *   kp_bench time CMD...   runs CMD, prints its wall time in ms
 *
 * Output: one line "ns=X.XX wall_ns=Y.YY n=N" (call, syscall) or "ms=X.X rc=R" (time).
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

static int bench_call(const char *file, long n)
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
	printf("ns=%.2f wall_ns=%.2f n=%ld\n", strtod(buf, NULL) / n, (t1 - t0) / n, n);
	return 0;
}

static int bench_syscall(long n)
{
	double t0, t1;
	long i;

	t0 = now_ns();
	for (i = 0; i < n; i++)
		syscall(SYS_umask, KP_BENCH_UMASK);
	t1 = now_ns();
	printf("ns=%.2f wall_ns=%.2f n=%ld\n", (t1 - t0) / n, (t1 - t0) / n, n);
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
	if (argc == 4 && !strcmp(argv[1], "call"))
		return bench_call(argv[2], atol(argv[3]));
	if (argc == 3 && !strcmp(argv[1], "syscall"))
		return bench_syscall(atol(argv[2]));
	if (argc >= 3 && !strcmp(argv[1], "time"))
		return bench_time(argv + 2);
	fprintf(stderr, "usage: kp_bench call FILE N | syscall N | time CMD...\n");
	return 2;
}
