package org.hearth.app.cli;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Looks for secrets in anything a program left behind (output, files), byte for byte: text in its
 * UTF-8 and UTF-16 forms and Unicode normalisations, keys and seeds as hex in any case (with or without
 * 0x, which contains the bare form), base64 and raw bytes, and a mnemonic as any run of 3 of its
 * consecutive words, whatever separates them (spaces, newlines, JSON quotes and commas).
 */
final class SecretScan {

    private final Map<String, String> exact = new LinkedHashMap<>();   // name -> needle as ISO-8859-1 text
    private final Map<String, String> hex = new LinkedHashMap<>();     // name -> lower-case hex
    private final Map<String, Pattern> runs = new LinkedHashMap<>();   // name -> pattern on lower-cased text

    /** A password or passphrase: as typed and in every Unicode normal form, UTF-8 and UTF-16. */
    SecretScan text(String name, String secret) {
        for (Normalizer.Form form : Normalizer.Form.values()) {
            String s = Normalizer.normalize(secret, form);
            exact.put(name + " (" + form + ", UTF-8)", latin1(s.getBytes(StandardCharsets.UTF_8)));
            exact.put(name + " (" + form + ", UTF-16LE)", latin1(s.getBytes(StandardCharsets.UTF_16LE)));
            exact.put(name + " (" + form + ", UTF-16BE)", latin1(s.getBytes(StandardCharsets.UTF_16BE)));
        }
        exact.put(name + " (as typed, UTF-8)", latin1(secret.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** A key or seed: raw bytes, hex in any case, base64. */
    SecretScan bytes(String name, byte[] secret) {
        exact.put(name + " (raw bytes)", latin1(secret));
        exact.put(name + " (base64)", Base64.getEncoder().withoutPadding().encodeToString(secret));
        exact.put(name + " (base64url)", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        hex.put(name + " (hex)", HexFormat.of().formatHex(secret));
        return this;
    }

    /** Every run of 3 consecutive words; the whole phrase contains such a run, so it is covered too. */
    SecretScan mnemonic(String name, List<String> words) {
        for (int i = 0; i + 3 <= words.size(); i++) {
            String gap = "[^a-z]{1,6}";
            runs.put(name + " (words " + (i + 1) + "-" + (i + 3) + ")", Pattern.compile("(?<![a-z])" + words.get(i) + gap
                    + words.get(i + 1) + gap + words.get(i + 2) + "(?![a-z])"));
        }
        return this;
    }

    /** The names of the secrets found in {@code content}; empty when it holds none. */
    List<String> find(byte[] content) {
        String text = latin1(content);
        String lower = text.toLowerCase(Locale.ROOT); // Latin-1 letters never lower-case into ASCII
        List<String> found = new ArrayList<>();
        exact.forEach((name, needle) -> {
            if (text.contains(needle)) {
                found.add(name);
            }
        });
        hex.forEach((name, needle) -> {
            if (lower.contains(needle)) {
                found.add(name);
            }
        });
        runs.forEach((name, pattern) -> {
            if (pattern.matcher(lower).find()) {
                found.add(name);
            }
        });
        return found;
    }

    List<String> find(String content) {
        return find(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
