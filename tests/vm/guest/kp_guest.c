// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-side driver for the test bench: performs one system call with
 * exactly the arguments given and prints what it did, so the scenario can
 * compare the values each probe recorded.
 *
 *   kp_guest open PATH FLAGS MODE   openat(AT_FDCWD, PATH, FLAGS, MODE), hex flags, octal mode
 *   kp_guest close FD               opens /dev/null as FD, then close(FD)
 *   kp_guest exec PATH              execve(PATH) (expected to fail)
 *   kp_guest osync PATH N           creates PATH with O_SYNC and writes N bytes at
 *                                   offset 0 in one write(): on a file system whose
 *                                   writes end in generic_write_sync() (ramfs), the
 *                                   kernel calls vfs_fsync_range(file, 0, N - 1, 0)
 *   kp_guest safe UID GID CPU       pins itself to CPU, names itself "kp_safe", drops
 *                                   to UID/GID, then openat(AT_FDCWD, "/tmp/kp-safe-good"),
 *                                   openat(AT_FDCWD, (char *)1) (EFAULT),
 *                                   openat(AT_FDCWD, "/tmp/kp-safe-after"), umask(022);
 *                                   prints pid, tid, uid, gid, cpu, comm, the bad
 *                                   openat's errno and CLOCK_MONOTONIC before/after
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static unsigned long long mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000ull + t.tv_nsec;
}

static int safe(uid_t uid, gid_t gid, int cpu)
{
	cpu_set_t set;
	char comm[17] = "";
	unsigned long long t0, t1;
	int bad_errno;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) || prctl(PR_SET_NAME, "kp_safe") ||
	    setgid(gid) || setuid(uid)) {
		perror("kp_guest safe");
		return 1;
	}
	prctl(PR_GET_NAME, comm);
	t0 = mono_ns();
	syscall(SYS_openat, AT_FDCWD, "/tmp/kp-safe-good", O_RDONLY, 0);
	bad_errno = syscall(SYS_openat, AT_FDCWD, (char *)1, O_RDONLY, 0) < 0 ? errno : 0;
	syscall(SYS_openat, AT_FDCWD, "/tmp/kp-safe-after", O_RDONLY, 0);
	syscall(SYS_umask, 022);
	t1 = mono_ns();
	printf("pid=%d tid=%ld uid=%d gid=%d cpu=%d comm=%s errno_bad=%d t0=%llu t1=%llu\n",
	       getpid(), syscall(SYS_gettid), getuid(), getgid(), sched_getcpu(), comm, bad_errno,
	       t0, t1);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "open")) {
		long fd = syscall(SYS_openat, AT_FDCWD, argv[2], (int)strtol(argv[3], NULL, 16),
				  (unsigned)strtol(argv[4], NULL, 8));
		printf("pid=%d fd=%ld errno=%d\n", getpid(), fd, fd < 0 ? errno : 0);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "close")) {
		int fd = atoi(argv[2]);
		int null = open("/dev/null", O_RDONLY);

		if (null < 0 || dup2(null, fd) != fd)
			return 1;
		close(null);
		printf("pid=%d close=%d\n", getpid(), close(fd));
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "exec")) {
		char *args[] = { argv[2], NULL };

		printf("pid=%d\n", getpid());
		fflush(stdout);
		execve(argv[2], args, NULL);
		printf("errno=%d\n", errno);
		return 0;
	}
	if (argc == 4 && !strcmp(argv[1], "osync")) {
		static char buf[65536];
		long n = strtol(argv[3], NULL, 10);
		int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_SYNC, 0644);

		if (fd < 0 || n <= 0 || n > (long)sizeof(buf))
			return 1;
		memset(buf, 'k', n);
		printf("pid=%d wrote=%zd\n", getpid(), write(fd, buf, n));
		return close(fd);
	}
	if (argc == 5 && !strcmp(argv[1], "safe"))
		return safe(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
	fprintf(stderr, "usage: kp_guest open PATH FLAGS MODE | close FD | exec PATH | "
			"osync PATH N | safe UID GID CPU\n");
	return 2;
}
