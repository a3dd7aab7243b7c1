# demo: no checks.  With kp.demo=1 (tools/kbench demo) shows what the
# example probes recorded and the kernel's list of registered kprobes,
# before the modules unload.
if [ "$KP_DEMO" = 1 ]; then
	echo "# ==== what the example probes saw (dmesg) ===="
	dmesg | grep -E 'kp_examples: (open|close|sys_openat|inode_permission|signal_generate|seed_)' |
		tail -20 | sed 's/^/# /'
	echo "# ==== registered probes ($KLIST) ===="
	sed 's/^/# /' $KLIST
fi
