package org.hearth.compute.scene;

import java.util.List;

/**
 * What a render job draws: spheres and planes under a pinhole camera; rays that escape see the
 * background colour. Built only by {@link #parse(String)} (strict, bounded) or by code; either way the
 * kernels read it through {@link PackedScene}.
 */
public record Scene(Camera camera, List<Sphere> spheres, List<Plane> planes, Vec3 background) {

    public static final int MAX_SPHERES = 64;
    public static final int MAX_PLANES = 16;
    /** Largest scene document accepted, in characters. */
    public static final int MAX_JSON_CHARS = 64 * 1024;

    public Scene {
        spheres = List.copyOf(spheres);
        planes = List.copyOf(planes);
    }

    /** Parses and validates a scene document; any problem is a {@link SceneException} naming the field. */
    public static Scene parse(String json) {
        return SceneParser.parse(json);
    }

    /** The scene as a document {@link #parse(String)} reads back to an equal scene. */
    public String toJson() {
        return SceneParser.write(this);
    }
}
