// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-side driver for the test bench: performs one system call with
 * exactly the arguments given and prints what it did, so the scenario can
 * compare the values each probe recorded.
 *
 *   kp_guest open PATH FLAGS MODE   openat(AT_FDCWD, PATH, FLAGS, MODE), hex flags, octal mode
 *   kp_guest close FD               opens /dev/null as FD, then close(FD)
 *   kp_guest exec PATH              execve(PATH) (expected to fail)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

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
	fprintf(stderr, "usage: kp_guest open PATH FLAGS MODE | close FD | exec PATH\n");
	return 2;
}
