package org.hearth.compute.scene;

/**
 * A surface: {@code DIFFUSE} (Lambertian, colour = albedo), {@code METAL} (mirror with fuzz 0..1,
 * colour = albedo) or {@code EMISSIVE} (a light, colour = emitted radiance). The kind's ordinal is the
 * material code the kernels use (0, 1, 2).
 */
public record Material(Kind kind, Vec3 color, float fuzz) {

    public enum Kind { DIFFUSE, METAL, EMISSIVE }

    public static Material diffuse(Vec3 albedo) {
        return new Material(Kind.DIFFUSE, albedo, 0f);
    }

    public static Material metal(Vec3 albedo, float fuzz) {
        return new Material(Kind.METAL, albedo, fuzz);
    }

    public static Material emissive(Vec3 emission) {
        return new Material(Kind.EMISSIVE, emission, 0f);
    }
}
