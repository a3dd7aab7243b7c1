# btf: kp::read_field (tests/vm/probes/fields.cpp, a kprobe on filp_close):
# a file's name read from C++ through file->f_path.dentry->d_name.name
# (offsets from the target kernel's BTF at build time) and d_name.len (in an
# anonymous struct in an anonymous union).  Trigger: kp_guest opens
# /tmp/kp-field-check, then /tmp/kp-field-x, and exits (the files are
# closed).  Expected: each name and its length, from kp_guest's pid.

out=$(kp_guest open /tmp/kp-field-check 241 640)
pid=$(value pid "$out")
check "kp_guest opened /tmp/kp-field-check" test "$(value fd "$out")" -ge 0
expect_line "file->f_path.dentry->d_name.name and d_name.len" \
	"kp_tests: fields: comm=kp_guest pid=$pid name=kp-field-check len=14\$"
out=$(kp_guest open /tmp/kp-field-x 241 640)
pid=$(value pid "$out")
expect_line "the same chain, another file" \
	"kp_tests: fields: comm=kp_guest pid=$pid name=kp-field-x len=10\$"
