# demo: no checks.  With kp.demo=1 (tools/kbench demo) shows the example
# module's registration lines, what the example probes recorded and the
# kernel's list of registered kprobes, before the modules unload.
if [ "$KP_DEMO" = 1 ]; then
	echo "# ==== kp_examples.ko registered (dmesg) ===="
	dmesg | grep -E 'kp_examples: [a-z]+ register at' | sed 's/^/# /'
	echo "# ==== what the example probes saw (dmesg) ===="
	dmesg | grep -E 'kp_examples: (open|close|sys_openat|inode_permission|signal_generate|seed_)' |
		tail -20 | sed 's/^/# /'
	echo "# ==== registered probes ($KLIST) ===="
	sed 's/^/# /' $KLIST
fi
