// The path tracer of org.hearth.compute.render.PathTracer, step for step in f32, with the same
// Philox-4x32-10 random numbers keyed by (seed, pixel, sample, dimension), so every backend draws
// the same samples. One work-item renders one pixel of the tile (all its samples); pixel index
// PIX0 + global id counts row-major within the tile, so the host can run the tile in bands; END is
// the band's end (launches are rounded up to whole work-groups).
// Scene layout: see PackedScene (spheres 9 floats, planes 11 floats, camera 12, background 3).
// No fused multiply-add: Java does not fuse, and the paths should follow the CPU's roundings.
#ifndef HEARTH_CUDA
#pragma OPENCL FP_CONTRACT OFF
#define DEVICE static
#endif

#define SPHERE_STRIDE 9
#define PLANE_STRIDE 11
#define DIFFUSE 0
#define EMISSIVE 2
#define MAX_BOUNCES 8
#define T_MIN 1e-3f
#define TWO_PI 6.2831855f

DEVICE void philox(uint k0, uint k1, uint pixel, uint sample, uint dimension, uint* out) {
    uint c0 = pixel, c1 = sample, c2 = dimension, c3 = 0;
    for (int round = 0; round < 10; round++) {
        uint hi0 = mul_hi(0xD2511F53u, c0), lo0 = 0xD2511F53u * c0;
        uint hi1 = mul_hi(0xCD9E8D57u, c2), lo1 = 0xCD9E8D57u * c2;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

DEVICE float uniform01(uint word) {
    return (float) (word >> 8) * 0x1.0p-24f;
}

__kernel void render(__global const float* cam, __global const float* sph, const int nS,
                     __global const float* pl, const int nP, __global const float* bg,
                     const int width, const int height, const int tileX, const int tileY, const int tileW,
                     const int END, const int PIX0, const int spp, const uint seedLo, const uint seedHi,
                     __global float* out) {
    const int index = PIX0 + (int) get_global_id(0);
    if (index >= END) {
        return;
    }
    const int px = tileX + index % tileW;
    const int py = tileY + index / tileW;
    const uint pixel = (uint) (py * width + px);
    uint w[4];
    float sumR = 0.0f, sumG = 0.0f, sumB = 0.0f;
    for (int sample = 0; sample < spp; sample++) {
        philox(seedLo, seedHi, pixel, (uint) sample, 0u, w);
        float fx = 2.0f * ((px + uniform01(w[0])) / width) - 1.0f;
        float fy = 1.0f - 2.0f * ((py + uniform01(w[1])) / height);
        float dx = cam[3] + fx * cam[6] + fy * cam[9];
        float dy = cam[4] + fx * cam[7] + fy * cam[10];
        float dz = cam[5] + fx * cam[8] + fy * cam[11];
        float inv = 1.0f / sqrt(dx * dx + dy * dy + dz * dz);
        dx *= inv; dy *= inv; dz *= inv;
        float ox = cam[0], oy = cam[1], oz = cam[2];
        float tr = 1.0f, tg = 1.0f, tb = 1.0f;
        float lr = 0.0f, lg = 0.0f, lb = 0.0f;
        for (int bounce = 0; bounce < MAX_BOUNCES; bounce++) {
            float best = FLT_MAX;
            int hit = -1;
            for (int i = 0, o = 0; i < nS; i++, o += SPHERE_STRIDE) {
                float cx = ox - sph[o], cy = oy - sph[o + 1], cz = oz - sph[o + 2];
                float b = cx * dx + cy * dy + cz * dz;
                float c = cx * cx + cy * cy + cz * cz - sph[o + 3] * sph[o + 3];
                float disc = b * b - c;
                if (disc < 0.0f) {
                    continue;
                }
                float root = sqrt(disc);
                float t = -b - root;
                if (t < T_MIN) {
                    t = -b + root;
                }
                if (t >= T_MIN && t < best) {
                    best = t;
                    hit = i;
                }
            }
            for (int i = 0, o = 0; i < nP; i++, o += PLANE_STRIDE) {
                float denom = pl[o + 3] * dx + pl[o + 4] * dy + pl[o + 5] * dz;
                if (fabs(denom) < 1e-6f) {
                    continue;
                }
                float t = ((pl[o] - ox) * pl[o + 3] + (pl[o + 1] - oy) * pl[o + 4] + (pl[o + 2] - oz) * pl[o + 5]) / denom;
                if (t >= T_MIN && t < best) {
                    best = t;
                    hit = nS + i;
                }
            }
            if (hit < 0) {
                lr += tr * bg[0]; lg += tg * bg[1]; lb += tb * bg[2];
                break;
            }
            float hx = ox + best * dx, hy = oy + best * dy, hz = oz + best * dz;
            float nx, ny, nz;
            __global const float* mat;
            if (hit < nS) {
                int o = hit * SPHERE_STRIDE;
                float invR = 1.0f / sph[o + 3];
                nx = (hx - sph[o]) * invR; ny = (hy - sph[o + 1]) * invR; nz = (hz - sph[o + 2]) * invR;
                mat = sph + o + 4;
            } else {
                int o = (hit - nS) * PLANE_STRIDE;
                nx = pl[o + 3]; ny = pl[o + 4]; nz = pl[o + 5];
                mat = pl + o + 6;
            }
            float cosIn = nx * dx + ny * dy + nz * dz;
            if (cosIn > 0.0f) {
                nx = -nx; ny = -ny; nz = -nz;
                cosIn = -cosIn;
            }
            int kind = (int) mat[0];
            if (kind == EMISSIVE) {
                lr += tr * mat[1]; lg += tg * mat[2]; lb += tb * mat[3];
                break;
            }
            philox(seedLo, seedHi, pixel, (uint) sample, (uint) (1 + bounce), w);
            float z = 1.0f - 2.0f * uniform01(w[0]);
            float rxy = sqrt(fmax(0.0f, 1.0f - z * z));
            float phi = TWO_PI * uniform01(w[1]);
            float ux = rxy * cos(phi), uy = rxy * sin(phi), uz = z;
            float sx, sy, sz;
            if (kind == DIFFUSE) {
                sx = nx + ux; sy = ny + uy; sz = nz + uz;
                if (sx * sx + sy * sy + sz * sz < 1e-8f) {
                    sx = nx; sy = ny; sz = nz;
                }
            } else {
                float f = mat[4] * cbrt(uniform01(w[2]));
                sx = dx - 2.0f * cosIn * nx + f * ux;
                sy = dy - 2.0f * cosIn * ny + f * uy;
                sz = dz - 2.0f * cosIn * nz + f * uz;
                if (sx * nx + sy * ny + sz * nz <= 0.0f) {
                    break;
                }
            }
            inv = 1.0f / sqrt(sx * sx + sy * sy + sz * sz);
            dx = sx * inv; dy = sy * inv; dz = sz * inv;
            ox = hx + nx * T_MIN; oy = hy + ny * T_MIN; oz = hz + nz * T_MIN;
            tr *= mat[1]; tg *= mat[2]; tb *= mat[3];
        }
        sumR += lr; sumG += lg; sumB += lb;
    }
    out[3 * index] = sumR / spp;
    out[3 * index + 1] = sumG / spp;
    out[3 * index + 2] = sumB / spp;
}
