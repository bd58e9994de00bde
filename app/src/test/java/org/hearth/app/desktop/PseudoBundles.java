package org.hearth.app.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.hearth.problem.Problems;

/**
 * A pseudo-locale made at test time: for each bundle the window reads (the app's and core's problem
 * wording), a {@code _xx} copy on the test classpath whose every value is wrapped in ⟦…⟧. Text on
 * screen that is not inside ⟦…⟧ did not come from a bundle.
 */
final class PseudoBundles {

    static final Locale PSEUDO = Locale.of("xx");
    static final String OPEN = "⟦";
    static final String CLOSE = "⟧";

    private PseudoBundles() {
    }

    static void write() throws IOException, URISyntaxException {
        Path classpathRoot = Path.of(PseudoBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        wrap(Messages.BUNDLE, classpathRoot);
        wrap(Problems.BUNDLE, classpathRoot);
    }

    private static void wrap(String bundle, Path root) throws IOException {
        String resource = bundle.replace('.', '/');
        Properties values = new Properties();
        try (InputStream in = PseudoBundles.class.getResourceAsStream("/" + resource + ".properties")) {
            values.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Properties wrapped = new Properties();
        values.forEach((k, v) -> wrapped.put(k, OPEN + v + CLOSE));
        Path target = root.resolve(resource + "_" + PSEUDO.getLanguage() + ".properties");
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            wrapped.store(out, "pseudo-locale, written by PseudoBundles for the UI test");
        }
    }
}
