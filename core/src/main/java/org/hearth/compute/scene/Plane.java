package org.hearth.compute.scene;

/** An infinite two-sided plane through {@code point}; {@code normal} is unit length. */
public record Plane(Vec3 point, Vec3 normal, Material material) {
}
