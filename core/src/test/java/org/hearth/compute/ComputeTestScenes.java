package org.hearth.compute;

import org.hearth.compute.scene.Scene;

/** A small scene with every kind of object and material. */
public final class ComputeTestScenes {

    static final String SMALL = """
            {"camera": {"position": [0, 1, 4], "lookAt": [0, 0.5, 0], "up": [0, 1, 0], "fov": 45},
             "background": [0.5, 0.6, 0.8],
             "spheres": [
               {"center": [0, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}},
               {"center": [1.1, 0.5, -0.3], "radius": 0.5, "material": {"type": "metal", "albedo": [0.8, 0.8, 0.8], "fuzz": 0.2}},
               {"center": [-1.1, 0.5, -0.3], "radius": 0.5, "material": {"type": "metal", "albedo": [0.9, 0.7, 0.3], "fuzz": 0.0}},
               {"center": [0, 3, 0], "radius": 1, "material": {"type": "emissive", "emission": [4, 4, 3.5]}}],
             "planes": [
               {"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "diffuse", "albedo": [0.5, 0.5, 0.5]}},
               {"point": [0, 0, -3], "normal": [0, 0, 1], "material": {"type": "diffuse", "albedo": [0.3, 0.6, 0.3]}}]}
            """;

    private ComputeTestScenes() {
    }

    public static Scene small() {
        return Scene.parse(SMALL);
    }
}
