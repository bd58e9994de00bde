package org.hearth.compute.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes scene documents. Strict: unknown fields, missing fields, wrong types, non-finite or
 * out-of-range numbers and too many objects are all rejected with the JSON path of the culprit.
 *
 * <pre>{"camera": {"position": [0,1,4], "lookAt": [0,0.5,0], "up": [0,1,0], "fov": 40},
 *  "background": [0.6,0.7,0.9],
 *  "spheres": [{"center": [0,0.5,0], "radius": 0.5, "material": {"type": "diffuse", "albedo": [0.8,0.3,0.3]}}],
 *  "planes":  [{"point": [0,0,0], "normal": [0,1,0], "material": {"type": "metal", "albedo": [0.8,0.8,0.8], "fuzz": 0.1}}]}</pre>
 * Emissive materials are {@code {"type": "emissive", "emission": [4,4,4]}}. {@code up} is optional
 * (default +y); {@code spheres} and {@code planes} may be empty but not both.
 */
final class SceneParser {

    private static final float MAX_COORD = 1e6f;
    private static final float MAX_EMISSION = 1e4f;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(64).build())
            .build());

    private SceneParser() {
    }

    static Scene parse(String json) {
        if (json == null || json.isBlank()) {
            throw new SceneException("scene document is empty");
        }
        if (json.length() > Scene.MAX_JSON_CHARS) {
            throw new SceneException("scene document has " + json.length() + " characters, over the limit of "
                    + Scene.MAX_JSON_CHARS);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SceneException("scene is not valid JSON: " + plain(e));
        }
        ObjectNode obj = object(root, "scene", Set.of("camera", "background", "spheres", "planes"));
        Camera camera = camera(required(obj, "camera", "scene"));
        Vec3 background = vec(required(obj, "background", "scene"), "background", 0f, MAX_EMISSION);
        List<Sphere> spheres = new ArrayList<>();
        ArrayNode sphereNodes = array(obj.get("spheres"), "spheres", Scene.MAX_SPHERES);
        for (int i = 0; i < sphereNodes.size(); i++) {
            spheres.add(sphere(sphereNodes.get(i), "spheres[" + i + "]"));
        }
        List<Plane> planes = new ArrayList<>();
        ArrayNode planeNodes = array(obj.get("planes"), "planes", Scene.MAX_PLANES);
        for (int i = 0; i < planeNodes.size(); i++) {
            planes.add(plane(planeNodes.get(i), "planes[" + i + "]"));
        }
        if (spheres.isEmpty() && planes.isEmpty()) {
            throw new SceneException("scene has no spheres and no planes");
        }
        return new Scene(camera, spheres, planes, background);
    }

    private static Camera camera(JsonNode node) {
        ObjectNode obj = object(node, "camera", Set.of("position", "lookAt", "up", "fov"));
        Vec3 position = vec(required(obj, "position", "camera"), "camera.position", -MAX_COORD, MAX_COORD);
        Vec3 lookAt = vec(required(obj, "lookAt", "camera"), "camera.lookAt", -MAX_COORD, MAX_COORD);
        Vec3 up = obj.has("up") ? vec(obj.get("up"), "camera.up", -MAX_COORD, MAX_COORD) : new Vec3(0, 1, 0);
        float fov = number(required(obj, "fov", "camera"), "camera.fov", 1f, 170f);
        Vec3 forward = new Vec3(lookAt.x() - position.x(), lookAt.y() - position.y(), lookAt.z() - position.z());
        if (forward.length() < 1e-6f) {
            throw new SceneException("camera.lookAt must differ from camera.position");
        }
        if (up.length() < 1e-6f) {
            throw new SceneException("camera.up must not be zero");
        }
        Vec3 f = forward.normalized();
        Vec3 u = up.normalized();
        float cx = f.y() * u.z() - f.z() * u.y();
        float cy = f.z() * u.x() - f.x() * u.z();
        float cz = f.x() * u.y() - f.y() * u.x();
        if (Math.sqrt(cx * cx + cy * cy + cz * cz) < 1e-3) {
            throw new SceneException("camera.up must not be parallel to the viewing direction");
        }
        return new Camera(position, lookAt, up, fov);
    }

    private static Sphere sphere(JsonNode node, String path) {
        ObjectNode obj = object(node, path, Set.of("center", "radius", "material"));
        return new Sphere(vec(required(obj, "center", path), path + ".center", -MAX_COORD, MAX_COORD),
                number(required(obj, "radius", path), path + ".radius", 1e-4f, MAX_COORD),
                material(required(obj, "material", path), path + ".material"));
    }

    private static Plane plane(JsonNode node, String path) {
        ObjectNode obj = object(node, path, Set.of("point", "normal", "material"));
        Vec3 normal = vec(required(obj, "normal", path), path + ".normal", -MAX_COORD, MAX_COORD);
        if (normal.length() < 1e-6f) {
            throw new SceneException(path + ".normal must not be zero");
        }
        return new Plane(vec(required(obj, "point", path), path + ".point", -MAX_COORD, MAX_COORD),
                normal.normalized(), material(required(obj, "material", path), path + ".material"));
    }

    private static Material material(JsonNode node, String path) {
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw new SceneException(path + " must be an object with a \"type\": diffuse, metal or emissive");
        }
        String type = node.get("type").asText();
        return switch (type) {
            case "diffuse" -> {
                ObjectNode obj = object(node, path, Set.of("type", "albedo"));
                yield Material.diffuse(vec(required(obj, "albedo", path), path + ".albedo", 0f, 1f));
            }
            case "metal" -> {
                ObjectNode obj = object(node, path, Set.of("type", "albedo", "fuzz"));
                float fuzz = obj.has("fuzz") ? number(obj.get("fuzz"), path + ".fuzz", 0f, 1f) : 0f;
                yield Material.metal(vec(required(obj, "albedo", path), path + ".albedo", 0f, 1f), fuzz);
            }
            case "emissive" -> {
                ObjectNode obj = object(node, path, Set.of("type", "emission"));
                yield Material.emissive(vec(required(obj, "emission", path), path + ".emission", 0f, MAX_EMISSION));
            }
            default -> throw new SceneException(path + ".type \"" + abbreviate(type)
                    + "\" is not one of diffuse, metal, emissive");
        };
    }

    private static ObjectNode object(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new SceneException(path + " must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new SceneException(path + " has an unknown field \"" + abbreviate(name) + "\"");
            }
        }
        return (ObjectNode) node;
    }

    private static JsonNode required(ObjectNode obj, String field, String path) {
        JsonNode node = obj.get(field);
        if (node == null || node.isNull()) {
            throw new SceneException(path + "." + field + " is missing");
        }
        return node;
    }

    private static ArrayNode array(JsonNode node, String path, int max) {
        if (node == null || node.isNull()) {
            return JSON.createArrayNode();
        }
        if (!node.isArray()) {
            throw new SceneException(path + " must be an array");
        }
        if (node.size() > max) {
            throw new SceneException(path + " has " + node.size() + " entries, over the limit of " + max);
        }
        return (ArrayNode) node;
    }

    private static Vec3 vec(JsonNode node, String path, float min, float max) {
        if (!node.isArray() || node.size() != 3) {
            throw new SceneException(path + " must be an array of 3 numbers");
        }
        return new Vec3(number(node.get(0), path + "[0]", min, max), number(node.get(1), path + "[1]", min, max),
                number(node.get(2), path + "[2]", min, max));
    }

    private static float number(JsonNode node, String path, float min, float max) {
        if (node == null || !node.isNumber()) {
            throw new SceneException(path + " must be a number");
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new SceneException(path + " is " + node.asText() + ", outside " + min + " .. " + max);
        }
        return (float) value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static String write(Scene scene) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode camera = root.putObject("camera");
        camera.set("position", vecNode(scene.camera().position()));
        camera.set("lookAt", vecNode(scene.camera().lookAt()));
        camera.set("up", vecNode(scene.camera().up()));
        camera.put("fov", scene.camera().fovDegrees());
        root.set("background", vecNode(scene.background()));
        ArrayNode spheres = root.putArray("spheres");
        for (Sphere s : scene.spheres()) {
            ObjectNode node = spheres.addObject();
            node.set("center", vecNode(s.center()));
            node.put("radius", s.radius());
            node.set("material", materialNode(s.material()));
        }
        ArrayNode planes = root.putArray("planes");
        for (Plane p : scene.planes()) {
            ObjectNode node = planes.addObject();
            node.set("point", vecNode(p.point()));
            node.set("normal", vecNode(p.normal()));
            node.set("material", materialNode(p.material()));
        }
        return root.toString();
    }

    private static ObjectNode materialNode(Material m) {
        ObjectNode node = JSON.createObjectNode();
        switch (m.kind()) {
            case DIFFUSE -> node.put("type", "diffuse").set("albedo", vecNode(m.color()));
            case METAL -> node.put("type", "metal").put("fuzz", m.fuzz()).set("albedo", vecNode(m.color()));
            case EMISSIVE -> node.put("type", "emissive").set("emission", vecNode(m.color()));
        }
        return node;
    }

    private static ArrayNode vecNode(Vec3 v) {
        return JSON.createArrayNode().add(v.x()).add(v.y()).add(v.z());
    }

    /** Jackson's reason without its "(start marker at [Source: ...])" aside, with the line and column a person can find. */
    private static String plain(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        int aside = reason.indexOf(" (start marker at");
        if (aside > 0) {
            reason = reason.substring(0, aside);
        }
        return e.getLocation() == null ? reason : reason + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
