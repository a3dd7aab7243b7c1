#!/usr/bin/env bash
# tests/tools/dkms.sh: `make dkms` (tools/kp-dkms) builds the probes/ module
# through DKMS against both kernel series (the bench's cached amd64 6.1 and
# 6.12 headers, --kernelsourcedir): DKMS reports it built for each, and each
# built module's vermagic is that kernel's release.  Then the package is
# removed, and `dkms status`, which listed it, lists nothing of it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v dkms >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dkms; }
name=kprobe-template ver=test$$
fail=0
cleanup() { dkms remove -m "$name" -v "$ver" --all >/dev/null 2>&1 || true; rm -rf "/usr/src/$name-$ver"; }
trap cleanup EXIT
for series in 6.1 6.12; do
	eval "$("$root/tools/kbench" fetch "amd64-$series-gcc")"
	KREL=$KREL KDIR=$KDIR KP_DKMS_INSTALL=0 KP_DKMS_VERSION=$ver make -s -C "$root" dkms >/tmp/dkms-$series.log 2>&1 ||
		{ echo "FAIL: make dkms for $KREL:"; tail -20 /tmp/dkms-$series.log; exit 1; }
	ko=/var/lib/dkms/$name/$ver/$KREL/x86_64/module/kprobes.ko
	got=$(modinfo -F vermagic "$ko" 2>/dev/null | awk '{print $1}')
	if [[ $got == "$KREL" ]]; then echo "ok: dkms built kprobes.ko for $KREL (vermagic $got)"; else
		echo "FAIL: $ko: vermagic '$got', want $KREL"; fail=1; fi
	krels+=("$KREL")
done
status=$(dkms status -m "$name" -v "$ver")
for k in "${krels[@]}"; do
	if grep -qF "$name/$ver, $k, x86_64: built" <<<"$status"; then echo "ok: dkms status: built for $k"; else
		echo "FAIL: dkms status has no 'built' line for $k: $status"; fail=1; fi
done
dkms remove -m "$name" -v "$ver" --all >/dev/null
if [[ -z $(dkms status -m "$name" -v "$ver") ]]; then echo "ok: removed: dkms status lists nothing of $name/$ver"; else
	echo "FAIL: still registered after remove: $(dkms status -m "$name" -v "$ver")"; fail=1; fi
exit $fail
