// Hearth render kernel: the same path tracer as org.hearth.compute.render.PathTracer, in OpenCL C 1.2.
// One work item per pixel of the tile (global size tileW x tileH); it averages spp samples.
// Scene layout: see org.hearth.compute.render.PackedScene (spheres stride 9, planes stride 11,
// camera 12 floats, background 3). Random numbers: Philox-4x32-10 keyed by the 64-bit seed, counter
// (pixel index, sample, dimension, 0), exactly as org.hearth.compute.render.CounterRng.
// No contraction to fma, so the arithmetic rounds as Java's does; sqrt/sin/cos/cbrt may still differ
// by an ulp or two, which the render verifier's tolerance allows for.
#pragma OPENCL FP_CONTRACT OFF

#define MAX_BOUNCES 8
#define T_MIN 1e-3f
#define SPHERE_STRIDE 9
#define PLANE_STRIDE 11
#define EMISSIVE 2
#define DIFFUSE 0

static uint4 philox(uint k0, uint k1, uint c0, uint c1, uint c2, uint c3) {
    for (int round = 0; round < 10; round++) {
        uint hi0 = mul_hi(0xD2511F53u, c0);
        uint lo0 = 0xD2511F53u * c0;
        uint hi1 = mul_hi(0xCD9E8D57u, c2);
        uint lo1 = 0xCD9E8D57u * c2;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += 0x9E3779B9u;
        k1 += 0xBB67AE85u;
    }
    return (uint4)(c0, c1, c2, c3);
}

static float uniform01(uint word) {
    return (float)(word >> 8) * 0x1.0p-24f;
}

__kernel void render(__global const float* sph, int nS, __global const float* pl, int nP,
                     __global const float* cam, __global const float* bg,
                     int width, int height, int tileX, int tileY, int tileW, int tileH,
                     int spp, uint seedLo, uint seedHi, __global float* out) {
    int tx = get_global_id(0);
    int ty = get_global_id(1);
    if (tx >= tileW || ty >= tileH) {
        return;
    }
    int px = tileX + tx;
    int py = tileY + ty;
    uint pixel = (uint)(py * width + px);
    float sumR = 0.0f, sumG = 0.0f, sumB = 0.0f;
    for (int sample = 0; sample < spp; sample++) {
        uint4 w = philox(seedLo, seedHi, pixel, (uint)sample, 0u, 0u);
        float fx = 2.0f * (((float)px + uniform01(w.x)) / (float)width) - 1.0f;
        float fy = 1.0f - 2.0f * (((float)py + uniform01(w.y)) / (float)height);
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
            for (int i = 0; i < nS; i++) {
                int o = i * SPHERE_STRIDE;
                float cx = ox - sph[o], cy = oy - sph[o + 1], cz = oz - sph[o + 2];
                float b = cx * dx + cy * dy + cz * dz;
                float c = cx * cx + cy * cy + cz * cz - sph[o + 3] * sph[o + 3];
                float disc = b * b - c;
                if (disc < 0.0f) continue;
                float root = sqrt(disc);
                float t = -b - root;
                if (t < T_MIN) t = -b + root;
                if (t >= T_MIN && t < best) { best = t; hit = i; }
            }
            for (int i = 0; i < nP; i++) {
                int o = i * PLANE_STRIDE;
                float denom = pl[o + 3] * dx + pl[o + 4] * dy + pl[o + 5] * dz;
                if (fabs(denom) < 1e-6f) continue;
                float t = ((pl[o] - ox) * pl[o + 3] + (pl[o + 1] - oy) * pl[o + 4] + (pl[o + 2] - oz) * pl[o + 5]) / denom;
                if (t >= T_MIN && t < best) { best = t; hit = nS + i; }
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
            if (cosIn > 0.0f) { nx = -nx; ny = -ny; nz = -nz; cosIn = -cosIn; }
            int kind = (int)mat[0];
            if (kind == EMISSIVE) {
                lr += tr * mat[1]; lg += tg * mat[2]; lb += tb * mat[3];
                break;
            }
            w = philox(seedLo, seedHi, pixel, (uint)sample, (uint)(1 + bounce), 0u);
            float z = 1.0f - 2.0f * uniform01(w.x);
            float rxy = sqrt(fmax(0.0f, 1.0f - z * z));
            float phi = 6.2831855f * uniform01(w.y);
            float ux = rxy * cos(phi), uy = rxy * sin(phi), uz = z;
            float sx, sy, sz;
            if (kind == DIFFUSE) {
                sx = nx + ux; sy = ny + uy; sz = nz + uz;
                if (sx * sx + sy * sy + sz * sz < 1e-8f) { sx = nx; sy = ny; sz = nz; }
            } else {
                float f = mat[4] * cbrt(uniform01(w.z));
                sx = dx - 2.0f * cosIn * nx + f * ux;
                sy = dy - 2.0f * cosIn * ny + f * uy;
                sz = dz - 2.0f * cosIn * nz + f * uz;
                if (sx * nx + sy * ny + sz * nz <= 0.0f) break;
            }
            inv = 1.0f / sqrt(sx * sx + sy * sy + sz * sz);
            dx = sx * inv; dy = sy * inv; dz = sz * inv;
            ox = hx + nx * T_MIN; oy = hy + ny * T_MIN; oz = hz + nz * T_MIN;
            tr *= mat[1]; tg *= mat[2]; tb *= mat[3];
        }
        sumR += lr; sumG += lg; sumB += lb;
    }
    int idx = (ty * tileW + tx) * 3;
    out[idx] = sumR / (float)spp;
    out[idx + 1] = sumG / (float)spp;
    out[idx + 2] = sumB / (float)spp;
}
