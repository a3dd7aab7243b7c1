# kretprobe: examples/inode_permission.cpp, a kretprobe with per-call data
# (kp::Data) on inode_permission.  Trigger: kp_guest execs a 0644 file.
# Expected: the mask saved at entry (0x21, MAY_OPEN|MAY_EXEC) and -13
# (EACCES) returned, for the kp_guest pid.

printf 'not a program\n' >/tmp/kp-noexec
chmod 644 /tmp/kp-noexec
out=$(kp_guest exec /tmp/kp-noexec)
pid=$(value pid "$out")
expect_eq "exec of a 0644 file is EACCES" "$(value errno "$out")" 13
expect_line "inode_permission: mask from per-call data, -EACCES returned" \
	"kp_examples: inode_permission: comm=kp_guest pid=$pid mask=0x21 ret=-13\$"
