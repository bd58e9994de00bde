package org.hearth.compute.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The scenes Hearth ships for render requests (JSON in the scene format, checked by {@link SceneParser} like any other). */
public final class BuiltInScenes {

    /** Ids, in the order a list shows them; the app words them as {@code scene.<id>}. */
    public static final List<String> IDS = List.of("spheres", "lone-sphere");

    private BuiltInScenes() {
    }

    public static String json(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("No built-in scene " + id);
        }
        try (InputStream in = BuiltInScenes.class.getResourceAsStream("builtin/" + id + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
