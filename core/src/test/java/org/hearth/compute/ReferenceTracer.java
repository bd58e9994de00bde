package org.hearth.compute;

import org.hearth.compute.render.CounterRng;
import org.hearth.compute.render.PathTracer;
import org.hearth.compute.scene.Material;
import org.hearth.compute.scene.Plane;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.scene.Sphere;
import org.hearth.compute.scene.Vec3;

/**
 * The tracer written the plain way (vector objects, the Scene records, its own camera), to check the
 * flattened kernel against. Same algorithm and random-number keys, so results agree to rounding.
 */
final class ReferenceTracer {

    private final Scene scene;
    private final int width;
    private final int height;
    private final Vec3 origin;
    private final Vec3 forward;
    private final Vec3 right;
    private final Vec3 up;

    ReferenceTracer(Scene scene, int width, int height) {
        this.scene = scene;
        this.width = width;
        this.height = height;
        var cam = scene.camera();
        origin = cam.position();
        Vec3 w = sub(cam.position(), cam.lookAt()).normalized();
        Vec3 u = cross(cam.up(), w).normalized();
        Vec3 v = cross(w, u);
        float halfH = (float) Math.tan(Math.toRadians(cam.fovDegrees()) / 2);
        float halfW = halfH * width / height;
        forward = scale(w, -1f);
        right = scale(u, halfW);
        up = scale(v, halfH);
    }

    Vec3 pixel(int px, int py, int spp, long seed) {
        int[] w = new int[4];
        int index = py * width + px;
        Vec3 sum = new Vec3(0, 0, 0);
        for (int s = 0; s < spp; s++) {
            CounterRng.philox(seed, index, s, 0, w);
            float fx = 2f * ((px + CounterRng.uniform(w[0])) / width) - 1f;
            float fy = 1f - 2f * ((py + CounterRng.uniform(w[1])) / height);
            Vec3 dir = add(forward, add(scale(right, fx), scale(up, fy))).normalized();
            sum = add(sum, radiance(origin, dir, seed, index, s, w));
        }
        return scale(sum, 1f / spp);
    }

    private Vec3 radiance(Vec3 o, Vec3 d, long seed, int index, int sample, int[] w) {
        Vec3 throughput = new Vec3(1, 1, 1);
        for (int bounce = 0; bounce < PathTracer.MAX_BOUNCES; bounce++) {
            double best = Double.MAX_VALUE;
            Vec3 normal = null;
            Material material = null;
            for (Sphere s : scene.spheres()) {
                Vec3 oc = sub(o, s.center());
                double b = dot(oc, d);
                double disc = b * b - (dot(oc, oc) - (double) s.radius() * s.radius());
                if (disc < 0) {
                    continue;
                }
                double t = -b - Math.sqrt(disc);
                if (t < PathTracer.T_MIN) {
                    t = -b + Math.sqrt(disc);
                }
                if (t >= PathTracer.T_MIN && t < best) {
                    best = t;
                    normal = scale(sub(add(o, scale(d, (float) t)), s.center()), 1f / s.radius());
                    material = s.material();
                }
            }
            for (Plane p : scene.planes()) {
                double denom = dot(p.normal(), d);
                if (Math.abs(denom) < 1e-6) {
                    continue;
                }
                double t = dot(sub(p.point(), o), p.normal()) / denom;
                if (t >= PathTracer.T_MIN && t < best) {
                    best = t;
                    normal = p.normal();
                    material = p.material();
                }
            }
            if (material == null) {
                return mul(throughput, scene.background());
            }
            Vec3 hit = add(o, scale(d, (float) best));
            if (dot(normal, d) > 0) {
                normal = scale(normal, -1f);
            }
            if (material.kind() == Material.Kind.EMISSIVE) {
                return mul(throughput, material.color());
            }
            CounterRng.philox(seed, index, sample, 1 + bounce, w);
            double z = 1 - 2 * CounterRng.uniform(w[0]);
            double phi = 2 * Math.PI * CounterRng.uniform(w[1]);
            double rxy = Math.sqrt(Math.max(0, 1 - z * z));
            Vec3 unit = new Vec3((float) (rxy * Math.cos(phi)), (float) (rxy * Math.sin(phi)), (float) z);
            Vec3 scattered;
            if (material.kind() == Material.Kind.DIFFUSE) {
                scattered = add(normal, unit);
                if (dot(scattered, scattered) < 1e-8) {
                    scattered = normal;
                }
            } else {
                Vec3 reflected = sub(d, scale(normal, (float) (2 * dot(d, normal))));
                scattered = add(reflected, scale(unit, material.fuzz() * (float) Math.cbrt(CounterRng.uniform(w[2]))));
                if (dot(scattered, normal) <= 0) {
                    return new Vec3(0, 0, 0);
                }
            }
            d = scattered.normalized();
            o = add(hit, scale(normal, PathTracer.T_MIN));
            throughput = mul(throughput, material.color());
        }
        return new Vec3(0, 0, 0);
    }

    private static Vec3 add(Vec3 a, Vec3 b) {
        return new Vec3(a.x() + b.x(), a.y() + b.y(), a.z() + b.z());
    }

    private static Vec3 sub(Vec3 a, Vec3 b) {
        return new Vec3(a.x() - b.x(), a.y() - b.y(), a.z() - b.z());
    }

    private static Vec3 mul(Vec3 a, Vec3 b) {
        return new Vec3(a.x() * b.x(), a.y() * b.y(), a.z() * b.z());
    }

    private static Vec3 scale(Vec3 a, float s) {
        return new Vec3(a.x() * s, a.y() * s, a.z() * s);
    }

    private static double dot(Vec3 a, Vec3 b) {
        return (double) a.x() * b.x() + (double) a.y() * b.y() + (double) a.z() * b.z();
    }

    private static Vec3 cross(Vec3 a, Vec3 b) {
        return new Vec3(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }
}
