#!/usr/bin/env bash
# Builds the images tests and the quickstart use, without any registry:
#   berth.local/busybox:latest  a root filesystem of Debian's busybox-static, docker-imported
#   berth.local/web:latest      busybox httpd serving /www on port 80
#   berth.local/stubborn:latest the same server as PID 1, which ignores SIGTERM
#   berth.local/drainer:latest  the same server, exiting DRAIN_SECONDS (5) after SIGTERM
# Images carry a label with the hash of their recipe and are rebuilt only when it changes.
# Usage: build-images.sh [DOCKER_HOST...] — extra daemons receive the images by save | load.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export DOCKER_BUILDKIT=0

recipe_hash="$(cat "$0" "$BERTH_ROOT/scripts/images/web/Dockerfile" | sha256sum | cut -c1-16)"
label="org.berth.image-recipe"

# Badly behaved servers for stop tests, built on web; each has its own recipe hash.
slow_stoppers=(stubborn drainer)
server_hash() {
  cat <(echo "$recipe_hash") "$BERTH_ROOT/scripts/images/$1/Dockerfile" | sha256sum | cut -c1-16
}

image_is_current() {
  [ "$(docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null)" = "${2:-$recipe_hash}" ]
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
for server in "${slow_stoppers[@]}"; do
  if image_is_current "berth.local/$server:latest" "$(server_hash "$server")"; then
    say "image berth.local/$server:latest is current"
  else
    step "building berth.local/$server:latest" \
      docker build -q --label "$label=$(server_hash "$server")" -t "berth.local/$server:latest" "$BERTH_ROOT/scripts/images/$server" >/dev/null
  fi
done

images=(berth.local/busybox:latest berth.local/web:latest berth.local/stubborn:latest berth.local/drainer:latest)
image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null; }
for target in "$@"; do
  missing=()
  for image in "${images[@]}"; do
    [ "$(DOCKER_HOST="$target" image_id "$image")" = "$(image_id "$image")" ] || missing+=("$image")
  done
  [ "${#missing[@]}" -eq 0 ] && continue
  step "loading test images into $target" \
    bash -c "docker save ${missing[*]} | DOCKER_HOST='$target' docker load -q >/dev/null"
done
