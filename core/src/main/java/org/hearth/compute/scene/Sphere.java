package org.hearth.compute.scene;

public record Sphere(Vec3 center, float radius, Material material) {
}
