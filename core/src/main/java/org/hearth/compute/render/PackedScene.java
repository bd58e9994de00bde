package org.hearth.compute.render;

import org.hearth.compute.scene.Camera;
import org.hearth.compute.scene.Material;
import org.hearth.compute.scene.Plane;
import org.hearth.compute.scene.Scene;
import org.hearth.compute.scene.Sphere;

/**
 * A scene flattened to f32 arrays, the form every backend's kernel reads (OpenCL and CUDA buffers take
 * these arrays as they are). The camera basis is computed once here, in double, so all backends start
 * from identical floats.
 *
 * <ul>
 *   <li>{@code spheres}: {@value #SPHERE_STRIDE} floats each: cx, cy, cz, radius, material, r, g, b, fuzz</li>
 *   <li>{@code planes}: {@value #PLANE_STRIDE} floats each: px, py, pz, nx, ny, nz, material, r, g, b, fuzz</li>
 *   <li>{@code camera}: 12 floats: origin, forward, right, up; the primary ray through image point
 *       (sx, sy) in [0,1]² (y down) is normalize(forward + (2sx-1)·right + (1-2sy)·up)</li>
 *   <li>{@code background}: r, g, b</li>
 * </ul>
 * Material codes: 0 diffuse, 1 metal, 2 emissive ({@link Material.Kind#ordinal()}).
 */
public record PackedScene(float[] spheres, int sphereCount, float[] planes, int planeCount, float[] camera,
                          float[] background) {

    public static final int SPHERE_STRIDE = 9;
    public static final int PLANE_STRIDE = 11;
    public static final int DIFFUSE = 0;
    public static final int METAL = 1;
    public static final int EMISSIVE = 2;

    public static PackedScene of(Scene scene, int width, int height) {
        float[] spheres = new float[scene.spheres().size() * SPHERE_STRIDE];
        int i = 0;
        for (Sphere s : scene.spheres()) {
            spheres[i++] = s.center().x();
            spheres[i++] = s.center().y();
            spheres[i++] = s.center().z();
            spheres[i++] = s.radius();
            i = putMaterial(spheres, i, s.material());
        }
        float[] planes = new float[scene.planes().size() * PLANE_STRIDE];
        i = 0;
        for (Plane p : scene.planes()) {
            planes[i++] = p.point().x();
            planes[i++] = p.point().y();
            planes[i++] = p.point().z();
            planes[i++] = p.normal().x();
            planes[i++] = p.normal().y();
            planes[i++] = p.normal().z();
            i = putMaterial(planes, i, p.material());
        }
        return new PackedScene(spheres, scene.spheres().size(), planes, scene.planes().size(),
                camera(scene.camera(), width, height), scene.background().toArray());
    }

    private static int putMaterial(float[] out, int i, Material m) {
        out[i++] = m.kind().ordinal();
        out[i++] = m.color().x();
        out[i++] = m.color().y();
        out[i++] = m.color().z();
        out[i++] = m.fuzz();
        return i;
    }

    static float[] camera(Camera cam, int width, int height) {
        double[] pos = {cam.position().x(), cam.position().y(), cam.position().z()};
        double[] w = normalize(new double[] {pos[0] - cam.lookAt().x(), pos[1] - cam.lookAt().y(), pos[2] - cam.lookAt().z()});
        double[] u = normalize(cross(new double[] {cam.up().x(), cam.up().y(), cam.up().z()}, w));
        double[] v = cross(w, u);
        double halfH = Math.tan(Math.toRadians(cam.fovDegrees()) / 2);
        double halfW = halfH * width / height;
        return new float[] {
            (float) pos[0], (float) pos[1], (float) pos[2],
            (float) -w[0], (float) -w[1], (float) -w[2],
            (float) (u[0] * halfW), (float) (u[1] * halfW), (float) (u[2] * halfW),
            (float) (v[0] * halfH), (float) (v[1] * halfH), (float) (v[2] * halfH)};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] a) {
        double len = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / len, a[1] / len, a[2] / len};
    }
}
