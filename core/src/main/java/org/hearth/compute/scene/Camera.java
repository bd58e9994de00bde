package org.hearth.compute.scene;

/** A pinhole camera; {@code fovDegrees} is the vertical field of view. */
public record Camera(Vec3 position, Vec3 lookAt, Vec3 up, float fovDegrees) {
}
