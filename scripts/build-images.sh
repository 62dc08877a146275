#!/usr/bin/env bash
# Builds the images tests and the quickstart use, without any registry:
#   berth.local/busybox:latest  a root filesystem of Debian's busybox-static, docker-imported
#   berth.local/web:latest      busybox httpd serving /www on port 80
# Images carry a label with the hash of their recipe and are rebuilt only when it changes.
# Usage: build-images.sh [DOCKER_HOST...] — extra daemons receive the images by save | load.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export DOCKER_BUILDKIT=0

recipe_hash="$(cat "$0" "$BERTH_ROOT/scripts/images/web/Dockerfile" | sha256sum | cut -c1-16)"
label="org.berth.image-recipe"

image_is_current() {
  [ "$(docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null)" = "$recipe_hash" ]
}

build_busybox() {
  if ! [ -x /bin/busybox ]; then apt_install busybox-static; fi
  local rootfs; rootfs="$(mktemp -d)"
  # Runs in step's subshell: the root filesystem goes however the build ends.
  trap "rm -rf '$rootfs'" EXIT
  mkdir -p "$rootfs"/{bin,tmp,www,etc,proc,sys,dev,root}
  cp /bin/busybox "$rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$rootfs/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
  echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> "$rootfs/etc/passwd"
  printf 'root:x:0:\nvideo:x:44:\nrender:x:105:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
  chmod 1777 "$rootfs/tmp"
  tar -C "$rootfs" -c . | docker import \
    --change "LABEL $label=$recipe_hash" \
    --change 'ENV PATH=/bin' \
    --change 'CMD ["/bin/sh"]' - berth.local/busybox:latest >/dev/null
}

build_web() {
  docker build -q --label "$label=$recipe_hash" -t berth.local/web:latest "$BERTH_ROOT/scripts/images/web" >/dev/null
}

if image_is_current berth.local/busybox:latest; then
  say "image berth.local/busybox:latest is current"
else
  step "building berth.local/busybox:latest from Debian's busybox-static" build_busybox
fi
if image_is_current berth.local/web:latest; then
  say "image berth.local/web:latest is current"
else
  step "building berth.local/web:latest" build_web
fi

for target in "$@"; do
  if DOCKER_HOST="$target" docker image inspect berth.local/web:latest >/dev/null 2>&1 \
     && [ "$(DOCKER_HOST="$target" docker image inspect --format '{{.Id}}' berth.local/web:latest)" = "$(docker image inspect --format '{{.Id}}' berth.local/web:latest)" ]; then
    continue
  fi
  step "loading test images into $target" \
    bash -c "docker save berth.local/busybox:latest berth.local/web:latest | DOCKER_HOST='$target' docker load -q >/dev/null"
done
