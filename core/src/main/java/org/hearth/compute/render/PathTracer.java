package org.hearth.compute.render;

import static org.hearth.compute.render.PackedScene.DIFFUSE;
import static org.hearth.compute.render.PackedScene.EMISSIVE;
import static org.hearth.compute.render.PackedScene.PLANE_STRIDE;
import static org.hearth.compute.render.PackedScene.SPHERE_STRIDE;

/**
 * The render kernel on the CPU, one pixel at a time, written in f32 scalar steps that map one-to-one
 * to the OpenCL C version (no objects in the hot path). Per sample: a jittered primary ray (random
 * dimension 0), then up to {@link #MAX_BOUNCES} bounces (dimension 1+b): escaping rays gather the
 * background, emissive surfaces end the path with their emission, diffuse surfaces scatter to
 * normal + random unit vector, metal reflects with fuzz × a random point in the unit ball (paths
 * scattered below the surface are absorbed). A path that runs out of bounces contributes nothing.
 */
public final class PathTracer {

    public static final int MAX_BOUNCES = 8;
    /** Hits closer than this are ignored, so a ray does not hit the surface it leaves. */
    public static final float T_MIN = 1e-3f;
    private static final float TWO_PI = (float) (2 * Math.PI);

    private PathTracer() {
    }

    /** Averages {@code spp} samples of pixel (px, py) into {@code out[off..off+2]}. */
    public static void pixel(PackedScene s, int px, int py, int width, int height, int spp, long seed,
                             float[] out, int off) {
        int[] w = new int[4];
        float[] cam = s.camera();
        float[] sph = s.spheres();
        float[] pl = s.planes();
        int nS = s.sphereCount();
        int nP = s.planeCount();
        int pixel = py * width + px;
        float sumR = 0f, sumG = 0f, sumB = 0f;
        for (int sample = 0; sample < spp; sample++) {
            CounterRng.philox(seed, pixel, sample, 0, w);
            float fx = 2f * ((px + CounterRng.uniform(w[0])) / width) - 1f;
            float fy = 1f - 2f * ((py + CounterRng.uniform(w[1])) / height);
            float dx = cam[3] + fx * cam[6] + fy * cam[9];
            float dy = cam[4] + fx * cam[7] + fy * cam[10];
            float dz = cam[5] + fx * cam[8] + fy * cam[11];
            float inv = 1f / (float) Math.sqrt(dx * dx + dy * dy + dz * dz);
            dx *= inv;
            dy *= inv;
            dz *= inv;
            float ox = cam[0], oy = cam[1], oz = cam[2];
            float tr = 1f, tg = 1f, tb = 1f;
            float lr = 0f, lg = 0f, lb = 0f;
            for (int bounce = 0; bounce < MAX_BOUNCES; bounce++) {
                float best = Float.MAX_VALUE;
                int hit = -1;
                for (int i = 0, o = 0; i < nS; i++, o += SPHERE_STRIDE) {
                    float cx = ox - sph[o], cy = oy - sph[o + 1], cz = oz - sph[o + 2];
                    float b = cx * dx + cy * dy + cz * dz;
                    float c = cx * cx + cy * cy + cz * cz - sph[o + 3] * sph[o + 3];
                    float disc = b * b - c;
                    if (disc < 0f) {
                        continue;
                    }
                    float root = (float) Math.sqrt(disc);
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
                    if (Math.abs(denom) < 1e-6f) {
                        continue;
                    }
                    float t = ((pl[o] - ox) * pl[o + 3] + (pl[o + 1] - oy) * pl[o + 4] + (pl[o + 2] - oz) * pl[o + 5]) / denom;
                    if (t >= T_MIN && t < best) {
                        best = t;
                        hit = nS + i;
                    }
                }
                if (hit < 0) {
                    float[] bg = s.background();
                    lr += tr * bg[0];
                    lg += tg * bg[1];
                    lb += tb * bg[2];
                    break;
                }
                float hx = ox + best * dx, hy = oy + best * dy, hz = oz + best * dz;
                float nx, ny, nz;
                float[] mat;
                int m;
                if (hit < nS) {
                    int o = hit * SPHERE_STRIDE;
                    float invR = 1f / sph[o + 3];
                    nx = (hx - sph[o]) * invR;
                    ny = (hy - sph[o + 1]) * invR;
                    nz = (hz - sph[o + 2]) * invR;
                    mat = sph;
                    m = o + 4;
                } else {
                    int o = (hit - nS) * PLANE_STRIDE;
                    nx = pl[o + 3];
                    ny = pl[o + 4];
                    nz = pl[o + 5];
                    mat = pl;
                    m = o + 6;
                }
                float cosIn = nx * dx + ny * dy + nz * dz;
                if (cosIn > 0f) { // hit from behind or inside: face the normal towards the ray
                    nx = -nx;
                    ny = -ny;
                    nz = -nz;
                    cosIn = -cosIn;
                }
                int kind = (int) mat[m];
                if (kind == EMISSIVE) {
                    lr += tr * mat[m + 1];
                    lg += tg * mat[m + 2];
                    lb += tb * mat[m + 3];
                    break;
                }
                CounterRng.philox(seed, pixel, sample, 1 + bounce, w);
                float z = 1f - 2f * CounterRng.uniform(w[0]);
                float rxy = (float) Math.sqrt(Math.max(0f, 1f - z * z));
                float phi = TWO_PI * CounterRng.uniform(w[1]);
                float ux = rxy * (float) Math.cos(phi), uy = rxy * (float) Math.sin(phi), uz = z;
                float sx, sy, sz;
                if (kind == DIFFUSE) {
                    sx = nx + ux;
                    sy = ny + uy;
                    sz = nz + uz;
                    if (sx * sx + sy * sy + sz * sz < 1e-8f) {
                        sx = nx;
                        sy = ny;
                        sz = nz;
                    }
                } else {
                    float f = mat[m + 4] * (float) Math.cbrt(CounterRng.uniform(w[2]));
                    sx = dx - 2f * cosIn * nx + f * ux;
                    sy = dy - 2f * cosIn * ny + f * uy;
                    sz = dz - 2f * cosIn * nz + f * uz;
                    if (sx * nx + sy * ny + sz * nz <= 0f) {
                        break; // scattered into the surface: absorbed
                    }
                }
                inv = 1f / (float) Math.sqrt(sx * sx + sy * sy + sz * sz);
                dx = sx * inv;
                dy = sy * inv;
                dz = sz * inv;
                ox = hx + nx * T_MIN;
                oy = hy + ny * T_MIN;
                oz = hz + nz * T_MIN;
                tr *= mat[m + 1];
                tg *= mat[m + 2];
                tb *= mat[m + 3];
            }
            sumR += lr;
            sumG += lg;
            sumB += lb;
        }
        out[off] = sumR / spp;
        out[off + 1] = sumG / spp;
        out[off + 2] = sumB / spp;
    }
}
