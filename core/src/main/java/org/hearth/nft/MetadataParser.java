package org.hearth.nft;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hearth.fetch.FetchLimits;
import org.hearth.problem.HearthException;

/**
 * Reads metadata JSON as hostile input: at most 1 MiB, {@value #MAX_DEPTH} levels of nesting, strings
 * of at most {@value #MAX_TEXT} characters in the fields shown, {@value #MAX_ATTRIBUTES} attributes;
 * a field of the wrong type is dropped with a warning rather than failing the whole token. ERC-1155
 * {@code {id}} is replaced inside string values too.
 */
public final class MetadataParser {

    public static final int MAX_DEPTH = 16;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_ATTRIBUTES = 200;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength((int) FetchLimits.MiB)
                    .maxNumberLength(100)
                    .maxNameLength(1_000)
                    .maxDocumentLength(FetchLimits.MiB)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private MetadataParser() {
    }

    public static NftMetadata parse(byte[] json, BigInteger id) {
        if (json.length > FetchLimits.MiB) {
            throw new HearthException("nft.metadataTooLarge", null, FetchLimits.MiB);
        }
        JsonNode root;
        try (JsonParser p = JSON.createParser(json)) {
            root = JSON.readTree(p);
            if (p.nextToken() != null) {
                throw new HearthException("nft.metadataInvalid", null, "text after the JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw new HearthException("nft.metadataInvalid", e, "over a limit (nesting deeper than " + MAX_DEPTH + " levels, or a value too long)");
        } catch (IOException e) {
            throw new HearthException("nft.metadataInvalid", e, firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new HearthException("nft.metadataInvalid", null, "not a JSON object");
        }
        List<String> warnings = new ArrayList<>();
        Fields f = new Fields(root, id, warnings);
        return new NftMetadata(f.text("name"), f.text("description"), f.text("image"), f.text("image_data"),
                f.text("animation_url"), f.text("external_url"), attributes(root.get("attributes"), id, warnings),
                color(f.text("background_color"), warnings), warnings);
    }

    private record Fields(JsonNode root, BigInteger id, List<String> warnings) {
        String text(String field) {
            JsonNode v = root.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                warnings.add(field + " is not text (" + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "); ignored");
                return null;
            }
            String s = v.asText();
            if (s.length() > MAX_TEXT && !field.equals("image") && !field.equals("image_data")) {
                warnings.add(field + " is longer than " + MAX_TEXT + " characters; cut");
                s = s.substring(0, MAX_TEXT);
            }
            return TokenIds.substitute(s, id);
        }
    }

    private static List<NftMetadata.Attribute> attributes(JsonNode node, BigInteger id, List<String> warnings) {
        List<NftMetadata.Attribute> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            warnings.add("attributes is not a list; ignored");
            return out;
        }
        for (JsonNode a : node) {
            if (out.size() == MAX_ATTRIBUTES) {
                warnings.add("more than " + MAX_ATTRIBUTES + " attributes; the rest ignored");
                break;
            }
            JsonNode value = a.get("value");
            if (!a.isObject() || value == null || !(value.isValueNode()) || value.isNull()) {
                warnings.add("an attribute is not {trait_type, value}; ignored");
                continue;
            }
            out.add(new NftMetadata.Attribute(shortText(a.get("trait_type"), id), TokenIds.substitute(cut(value.asText()), id),
                    shortText(a.get("display_type"), id)));
        }
        return out;
    }

    private static String shortText(JsonNode n, BigInteger id) {
        return n != null && n.isTextual() ? TokenIds.substitute(cut(n.asText()), id) : null;
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** CSS-free colour: six hex digits, with or without '#'. */
    private static String color(String c, List<String> warnings) {
        if (c == null) {
            return null;
        }
        String bare = c.startsWith("#") ? c.substring(1) : c;
        if (!bare.matches("[0-9a-fA-F]{6}")) {
            warnings.add("background_color is not six hex digits; ignored");
            return null;
        }
        return bare.toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "not JSON";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
