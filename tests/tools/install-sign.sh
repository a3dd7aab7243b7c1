#!/usr/bin/env bash
# tests/tools/install-sign.sh: `make sign` and `make modules_install` against
# both kernel series (the bench's cached amd64 6.1 and 6.12 headers), on the
# probes/ module built in a scratch copy of the tree.
#  - sign: a test key and certificate (openssl, CN "kprobe-template test
#    key"); the unsigned module has no signer (control), the signed one has
#    that signer and the kernel config's hash (sha256); signing again leaves
#    the file as it is.
#  - modules_install into a scratch INSTALL_MOD_PATH: the module is at
#    lib/modules/<release>/extra/ (compressed where the config says so:
#    xz on 6.12), still signed, and depmod's modules.dep lists it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
need=()
for c in openssl:openssl modinfo:kmod depmod:kmod xz:xz-utils; do
	command -v "${c%%:*}" >/dev/null || need+=("${c#*:}")
done
if ((${#need[@]})); then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"; fi
work=$(mktemp -d /tmp/kp-install-sign.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }

cat >"$work/x509.genkey" <<'KEY'
[ req ]
default_bits = 2048
distinguished_name = req_distinguished_name
prompt = no
x509_extensions = myexts
[ req_distinguished_name ]
CN = kprobe-template test key
[ myexts ]
basicConstraints=critical,CA:FALSE
keyUsage=digitalSignature
extendedKeyUsage=codeSigning
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
KEY
openssl req -new -nodes -utf8 -sha256 -days 2 -batch -x509 -config "$work/x509.genkey" \
	-outform PEM -out "$work/cert.pem" -keyout "$work/key.pem" 2>/dev/null

for series in 6.1 6.12; do
	eval "$("$root/tools/kbench" fetch "amd64-$series-gcc")"
	src=$work/src-$series
	"$root/tools/kp-copy-tree" "$src" "$root"
	make -s -C "$src" KDIR="$KDIR" modules >"$work/build-$series.log" 2>&1 ||
		{ bad "$KREL: make modules"; tail -20 "$work/build-$series.log"; continue; }
	ko=$src/kprobes.ko
	before=$(modinfo -F signer "$ko")
	[[ -z $before ]] && ok "$KREL: unsigned before make sign" || bad "$KREL: signer '$before' before signing"
	make -s -C "$src" KDIR="$KDIR" KP_SIGN_KEY="$work/key.pem" KP_SIGN_CERT="$work/cert.pem" sign >/dev/null
	signer=$(modinfo -F signer "$ko") algo=$(modinfo -F sig_hashalgo "$ko")
	[[ $signer == "kprobe-template test key" ]] && ok "$KREL: signer '$signer'" || bad "$KREL: signer '$signer'"
	[[ $algo == sha256 ]] && ok "$KREL: sig_hashalgo $algo" || bad "$KREL: sig_hashalgo '$algo'"
	size=$(stat -c %s "$ko")
	again=$(make -s -C "$src" KDIR="$KDIR" KP_SIGN_KEY="$work/key.pem" KP_SIGN_CERT="$work/cert.pem" sign)
	[[ $again == *"signed already"* && $(stat -c %s "$ko") == "$size" ]] &&
		ok "$KREL: signing twice leaves the module as it is" || bad "$KREL: second make sign: '$again', size $size -> $(stat -c %s "$ko")"

	dest=$work/root-$series
	make -s -C "$src" KDIR="$KDIR" INSTALL_MOD_PATH="$dest" modules_install >"$work/install-$series.log" 2>&1 ||
		{ bad "$KREL: make modules_install"; tail -20 "$work/install-$series.log"; continue; }
	installed=$(find "$dest/lib/modules/$KREL/extra" -name 'kprobes.ko*' 2>/dev/null | head -1)
	want=kprobes.ko
	grep -qx 'CONFIG_MODULE_COMPRESS_XZ=y' "$KDIR/.config" && want=kprobes.ko.xz
	[[ ${installed##*/} == "$want" ]] && ok "$KREL: installed as lib/modules/$KREL/extra/$want" ||
		bad "$KREL: installed '${installed#"$dest"/}', want lib/modules/$KREL/extra/$want"
	[[ -n $installed && $(modinfo -F signer "$installed") == "kprobe-template test key" ]] &&
		ok "$KREL: the installed module is signed" || bad "$KREL: the installed module has no signer"
	grep -q "^extra/$want:" "$dest/lib/modules/$KREL/modules.dep" 2>/dev/null &&
		ok "$KREL: modules.dep lists extra/$want" || bad "$KREL: modules.dep: $(cat "$dest/lib/modules/$KREL/modules.dep" 2>&1)"
done
exit $fail
