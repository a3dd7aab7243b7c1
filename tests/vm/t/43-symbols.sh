# symbols: what kallsyms shows of a module this tree built, after
# tools/kp-strip-module (Makefile: kp-finish).  kp_tests.ko is loaded
# (t/10-load.sh).  Expected: its thunks by name, what a stack trace
# through a handler shows, among them the kp::Fexit thunks of
# tests/vm/probes/kp_target_fexit.cpp (its handler on_fexit_errptr is a
# template argument of the thunk), and the core's functions; the
# thunks' names mention their states (a state is a template argument of
# its thunk), so the pattern below reaches those names, but no state object
# and no assembler temporary label (.Ltmp...) is left: each was one more
# entry that every kprobe symbol lookup compared with while the module
# loaded.  (A .L constant a relocation names, .LC11 or .L.str.31, stays.)
# The controls, in the same listing: the thunks are local text symbols
# ("t") as the .Ltmp labels were, and their names contain the states' names.
syms=$(awk '$4 == "[kp_tests]" { print $2, $3 }' /proc/kallsyms)
thunks=$(echo "$syms" | grep -cE '^t _ZN2kp12_GLOBAL__N_16detail[0-9]+[a-z_]+_thunk')
expect_eq "the thunks keep their names (kallsyms shows these local symbols)" \
	"$(echo "$thunks" | sed 's/^[1-9][0-9]*$/some/')" some
expect_eq "a kp::Fexit return thunk by name" \
	"$(echo "$syms" | grep -cE '^[tT] _ZN2kp12_GLOBAL__N_16detail.*(fprobe|kretprobe)_thunk.*on_fexit_errptr' | sed 's/^[1-9][0-9]*$/some/')" some
expect_eq "the core's kp_backend_register by name" \
	"$(echo "$syms" | grep -c ' kp_backend_register$')" 1
expect_eq "the thunks' names mention their states" \
	"$(echo "$syms" | grep -c '_thunk.*11probe_state' | sed 's/^[1-9][0-9]*$/some/')" some
expect_eq "no probe state object left in kallsyms" \
	"$(echo "$syms" | grep -c ' _ZN2kp12_GLOBAL__N_16detail11probe_state')" 0
expect_eq "no assembler temporary label (.Ltmp) left in kallsyms" \
	"$(echo "$syms" | grep -c ' \.Ltmp')" 0
