package org.hearth.compute.bench;

import org.hearth.compute.scene.Scene;

/** The scene the render benchmark draws: every material, a light, two planes. */
public final class BenchScene {

    static final String JSON = """
            {"camera": {"position": [0, 1.2, 4.5], "lookAt": [0, 0.5, 0], "up": [0, 1, 0], "fov": 42},
             "background": [0.45, 0.55, 0.75],
             "spheres": [
               {"center": [0, 0.5, 0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8, 0.3, 0.3]}},
               {"center": [1.1, 0.5, -0.3], "radius": 0.5, "material": {"type": "metal", "albedo": [0.8, 0.8, 0.8], "fuzz": 0.15}},
               {"center": [-1.1, 0.5, -0.3], "radius": 0.5, "material": {"type": "metal", "albedo": [0.9, 0.7, 0.3], "fuzz": 0.0}},
               {"center": [0.4, 0.2, 0.9], "radius": 0.2, "material": {"type": "diffuse", "albedo": [0.2, 0.4, 0.9]}},
               {"center": [0, 3.2, 0.5], "radius": 1, "material": {"type": "emissive", "emission": [5, 5, 4.5]}}],
             "planes": [
               {"point": [0, 0, 0], "normal": [0, 1, 0], "material": {"type": "diffuse", "albedo": [0.5, 0.5, 0.5]}},
               {"point": [0, 0, -3], "normal": [0, 0, 1], "material": {"type": "diffuse", "albedo": [0.3, 0.6, 0.3]}}]}
            """;

    private BenchScene() {
    }

    public static Scene scene() {
        return Scene.parse(JSON);
    }
}
