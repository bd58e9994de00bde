package org.hearth.compute.scene;

/** A 3-vector of f32, as every backend computes in f32. */
public record Vec3(float x, float y, float z) {

    public float length() {
        return (float) Math.sqrt(x * x + y * y + z * z);
    }

    public Vec3 normalized() {
        float len = length();
        return new Vec3(x / len, y / len, z / len);
    }

    public float[] toArray() {
        return new float[] {x, y, z};
    }
}
