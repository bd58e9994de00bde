package org.hearth.compute.blob;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import org.hearth.compute.job.JobLimits;
import org.hearth.compute.job.JobRejectedException;

/**
 * Strict JSON for {@link JobManifest}s. A manifest comes from whoever posted the job, so it is capped
 * ({@value #MAX_BYTES} bytes, shallow nesting), every field is required with its exact JSON type, unknown
 * fields and duplicate keys are refused, and sizes are checked against {@link JobLimits} before anything
 * is fetched or allocated. Every refusal is a {@link BlobException} that says what is wrong.
 *
 * <pre>
 * {"version":1,"kernel":"gemm","m":512,"n":512,"k":512,"a":"bafkrei...","b":"bafkrei..."}
 * {"version":1,"kernel":"render","scene":"bafkrei...","width":96,"height":64,
 *  "tile":{"x":0,"y":0,"w":32,"h":32},"samples":8,"seed":2024}
 * </pre>
 */
public final class ManifestCodec {

    public static final int MAX_BYTES = 4096;
    public static final int VERSION = 1;
    private static final Set<String> GEMM_FIELDS = Set.of("version", "kernel", "m", "n", "k", "a", "b");
    private static final Set<String> RENDER_FIELDS = Set.of("version", "kernel", "scene", "width", "height", "tile", "samples", "seed");
    private static final Set<String> TILE_FIELDS = Set.of("x", "y", "w", "h");

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).maxStringLength(256).maxNumberLength(24).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private final JobLimits limits;

    public ManifestCodec(JobLimits limits) {
        this.limits = limits;
    }

    public JobManifest parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new BlobException("job manifest of " + bytes.length + " bytes is over the cap of " + MAX_BYTES);
        }
        JsonNode root;
        try (JsonParser parser = JSON.createParser(bytes)) {
            root = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new BlobException("job manifest has data after the JSON object");
            }
        } catch (IOException e) {
            throw new BlobException("job manifest is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new BlobException("job manifest must be a JSON object");
        }
        if (integer(root, "version") != VERSION) {
            throw new BlobException("job manifest version " + root.get("version") + " is not supported (expected " + VERSION + ")");
        }
        String kernel = text(root, "kernel");
        try {
            return switch (kernel) {
                case "gemm" -> gemm(root);
                case "render" -> render(root);
                default -> throw new BlobException("job manifest names an unknown kernel '" + kernel + "' (gemm or render)");
            };
        } catch (JobRejectedException e) {
            throw new BlobException("job manifest refused: " + e.getMessage());
        }
    }

    private JobManifest.Gemm gemm(JsonNode root) {
        onlyFields(root, GEMM_FIELDS, "");
        int m = integer(root, "m"), n = integer(root, "n"), k = integer(root, "k");
        limits.checkGemmShape(m, k, n);
        return new JobManifest.Gemm(m, n, k, cid(root, "a"), cid(root, "b"));
    }

    private JobManifest.Render render(JsonNode root) {
        onlyFields(root, RENDER_FIELDS, "");
        JsonNode tile = root.get("tile");
        if (tile == null || !tile.isObject()) {
            throw new BlobException("job manifest field 'tile' must be an object {x, y, w, h}");
        }
        onlyFields(tile, TILE_FIELDS, "tile.");
        int width = integer(root, "width"), height = integer(root, "height");
        int x = integer(tile, "x"), y = integer(tile, "y"), w = integer(tile, "w"), h = integer(tile, "h");
        int samples = integer(root, "samples");
        JsonNode seed = root.get("seed");
        if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new BlobException("job manifest field 'seed' must be a 64-bit integer");
        }
        positive("width", width);
        positive("height", height);
        positive("tile.w", w);
        positive("tile.h", h);
        positive("samples", samples);
        if (x < 0 || y < 0 || (long) x + w > width || (long) y + h > height) {
            throw new BlobException("job manifest tile " + w + "x" + h + " at (" + x + "," + y + ") is outside the "
                    + width + "x" + height + " image");
        }
        if (width > limits.maxImageDim() || height > limits.maxImageDim()) {
            throw new BlobException("job manifest image " + width + "x" + height + " exceeds the largest side allowed, " + limits.maxImageDim());
        }
        if (samples > limits.maxSamplesPerPixel()) {
            throw new BlobException("job manifest asks " + samples + " samples per pixel, over the limit of " + limits.maxSamplesPerPixel());
        }
        if ((long) w * h * samples > limits.maxTileSamples()) {
            throw new BlobException("job manifest tile needs " + (long) w * h * samples + " samples, over the limit of " + limits.maxTileSamples());
        }
        return new JobManifest.Render(cid(root, "scene"), width, height, x, y, w, h, samples, seed.longValue());
    }

    /** Canonical bytes (fixed field order, no spaces): the same manifest always has the same id. */
    public static byte[] encode(JobManifest manifest) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", VERSION);
        o.put("kernel", manifest.kernel());
        switch (manifest) {
            case JobManifest.Gemm g -> {
                o.put("m", g.m());
                o.put("n", g.n());
                o.put("k", g.k());
                o.put("a", g.a().toString());
                o.put("b", g.b().toString());
            }
            case JobManifest.Render r -> {
                o.put("scene", r.scene().toString());
                o.put("width", r.width());
                o.put("height", r.height());
                ObjectNode tile = o.putObject("tile");
                tile.put("x", r.tileX());
                tile.put("y", r.tileY());
                tile.put("w", r.tileW());
                tile.put("h", r.tileH());
                o.put("samples", r.samples());
                o.put("seed", r.seed());
            }
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new BlobException("job manifest has an unknown field '" + prefix + name + "'");
            }
        }
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new BlobException("job manifest lacks the field '" + field + "'");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BlobException("job manifest field '" + field + "' must be a 32-bit integer, got " + clip(v.toString()));
        }
        return v.intValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new BlobException("job manifest field '" + field + "' must be a string");
        }
        return v.textValue();
    }

    private static Cid cid(JsonNode node, String field) {
        String s = text(node, field);
        try {
            return Cid.parse(s);
        } catch (BlobException e) {
            throw new BlobException("job manifest field '" + field + "': " + e.getMessage());
        }
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new BlobException("job manifest field '" + field + "' must be positive, got " + value);
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return clip(nl < 0 ? s : s.substring(0, nl));
    }
}
