package org.hearth.chain.abi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local table of common function signatures ({@code signatures.txt} beside this class), for
 * naming calls to contracts whose ABI Hearth does not ship. No network: the table is a resource.
 * Selectors are computed from the text, so a line cannot carry a wrong one; a selector may have
 * several signatures (clashes), tried in file order.
 */
public final class SignatureTable {

    private static final String RESOURCE = "signatures.txt";
    private static volatile SignatureTable common;

    private final Map<String, List<AbiFunction>> bySelector = new LinkedHashMap<>();

    SignatureTable(List<String> lines) {
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            AbiFunction f = AbiFunction.parse(s);
            List<AbiFunction> same = bySelector.computeIfAbsent(f.selector(), k -> new ArrayList<>());
            if (same.stream().noneMatch(g -> g.signature().equals(f.signature()))) {
                same.add(f);
            }
        }
    }

    /** The table shipped with Hearth, loaded once. */
    public static SignatureTable common() {
        SignatureTable t = common;
        if (t == null) {
            synchronized (SignatureTable.class) {
                if (common == null) {
                    common = new SignatureTable(readResource());
                }
                t = common;
            }
        }
        return t;
    }

    /** The signatures whose selector is {@code selector} ({@code 0x} and 8 hex digits); empty when none. */
    public List<AbiFunction> lookup(String selector) {
        return bySelector.getOrDefault(selector.toLowerCase(), List.of());
    }

    public int size() {
        return bySelector.values().stream().mapToInt(List::size).sum();
    }

    private static List<String> readResource() {
        try (InputStream in = SignatureTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The signature table " + RESOURCE + " is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
