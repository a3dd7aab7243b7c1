# syscall: examples/syscall_openat.cpp, kp::Syscall<"openat"> and
# kp::SyscallReturn<"openat">, decoded with the syscall convention (x86_64:
# the 4th argument in r10).  Trigger: kp_guest openat of /tmp/kp-sys-test
# flags 0x241 mode 0640, then of a missing file.  Expected: the four
# arguments as passed (no O_LARGEFILE: that is added later, in the kernel),
# the fd returned, and -2 (ENOENT).

out=$(kp_guest open /tmp/kp-sys-test 241 640)
pid=$(value pid "$out") fd=$(value fd "$out")
expect_line "openat: 4 arguments with the syscall convention" \
	"kp_examples: sys_openat: pid=$pid dfd=-100 filename=/tmp/kp-sys-test flags=0x241 mode=0640\$"
expect_line "openat return: the fd" "kp_examples: sys_openat_ret: pid=$pid filename=/tmp/kp-sys-test ret=$fd\$"
out=$(kp_guest open /tmp/kp-sys-missing 0 0)
pid=$(value pid "$out")
expect_line "openat return: -ENOENT" "kp_examples: sys_openat_ret: pid=$pid filename=/tmp/kp-sys-missing ret=-2\$"
