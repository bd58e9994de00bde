#!/usr/bin/env bash
# Builds the CUDA kernels (src/main/cuda/*.cu) into fatbins on the classpath: SASS for sm_80 and sm_90
# plus compute_90 PTX that newer GPUs JIT. Without nvcc it builds nothing and the CUDA backend
# reports "no CUDA kernels in this build". Skips the work when the fatbins are newer than the sources.
set -euo pipefail
SRC="$1"   # core/src/main/cuda
OUT="$2"   # target/classes/org/hearth/compute/kernels
NVCC="${HEARTH_NVCC:-$(command -v nvcc || true)}"
[ -z "$NVCC" ] && [ -x /usr/local/cuda/bin/nvcc ] && NVCC=/usr/local/cuda/bin/nvcc
if [ -z "$NVCC" ]; then
  echo "[cuda] nvcc not found: building without CUDA kernels (the CUDA backend will say so)."
  exit 0
fi
mkdir -p "$OUT"
KERNELS_CL="$SRC/../resources/org/hearth/compute/kernels"
for cu in "$SRC"/*.cu; do
  name="$(basename "$cu" .cu)"
  fatbin="$OUT/$name.fatbin"
  if [ -f "$fatbin" ] && [ -z "$(find "$cu" "$KERNELS_CL" -newer "$fatbin" -print -quit)" ]; then
    continue
  fi
  # A kernel may ask for extra flags on a line "// nvcc-flags: ...".
  flags="$(sed -n 's|^// nvcc-flags: ||p' "$cu")"
  echo "[cuda] $NVCC $flags -> $name.fatbin"
  # shellcheck disable=SC2086
  "$NVCC" -O3 $flags -fatbin -o "$fatbin.tmp" \
    -gencode arch=compute_80,code=sm_80 \
    -gencode arch=compute_90,code=sm_90 \
    -gencode arch=compute_90,code=compute_90 \
    "$cu"
  mv "$fatbin.tmp" "$fatbin"
done
