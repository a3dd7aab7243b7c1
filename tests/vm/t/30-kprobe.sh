# kprobe: examples/open.cpp (do_sys_openat2) and examples/close.cpp
# (close_fd / file_close_fd).  Trigger: kp_guest opens /tmp/kp-open-test
# with flags 0x241 (O_WRONLY|O_CREAT|O_TRUNC) mode 0640, opens a missing
# file read-only, and closes fd 42.  Expected: the exact dfd (-100,
# AT_FDCWD), file name, flags (plus O_LARGEFILE, which the kernel adds),
# mode, and fd.

out=$(kp_guest open /tmp/kp-open-test 241 640)
pid=$(value pid "$out") fd=$(value fd "$out")
check "kp_guest opened the file" test "$fd" -ge 0
expect_line "do_sys_openat2: dfd, filename, flags and mode" \
	"kp_examples: open: comm=kp_guest pid=$pid dfd=-100 filename=/tmp/kp-open-test flags=$(printf '0x%x' $((0x241 | O_LARGEFILE_HEX))) mode=0640\$"

out=$(kp_guest open /tmp/kp-missing 0 0)
pid=$(value pid "$out")
expect_eq "kp_guest: missing file is ENOENT" "$(value errno "$out")" 2
expect_line "do_sys_openat2: O_RDONLY open of a missing file" \
	"kp_examples: open: comm=kp_guest pid=$pid dfd=-100 filename=/tmp/kp-missing flags=$O_LARGEFILE_HEX mode=00\$"

out=$(kp_guest close 42)
pid=$(value pid "$out")
expect_line "close: the fd closed" "kp_examples: close: comm=kp_guest pid=$pid fd=42\$"
