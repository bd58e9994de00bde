package org.hearth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirTest {

    private final Path home = Path.of("/home/alice");

    @Test
    void explicitPathWinsOverEnvironment() {
        DataDir d = DataDir.resolve(Path.of("/srv/h"), Map.of("HEARTH_HOME", "/elsewhere"), "Linux", home);
        assertEquals(Path.of("/srv/h"), d.root());
    }

    @Test
    void hearthHomeWinsOverConvention() {
        assertEquals(Path.of("/data/hearth"), DataDir.resolve(null, Map.of("HEARTH_HOME", "/data/hearth"), "Linux", home).root());
    }

    @Test
    void linuxFollowsXdg() {
        assertEquals(Path.of("/home/alice/.local/share/hearth"), DataDir.resolve(null, Map.of(), "Linux", home).root());
        assertEquals(Path.of("/x/hearth"), DataDir.resolve(null, Map.of("XDG_DATA_HOME", "/x"), "Linux", home).root());
        // the XDG spec says relative values are invalid and must be ignored
        assertEquals(Path.of("/home/alice/.local/share/hearth"), DataDir.resolve(null, Map.of("XDG_DATA_HOME", "rel"), "Linux", home).root());
    }

    @Test
    void macAndWindowsConventions() {
        assertEquals(home.resolve("Library/Application Support/Hearth"), DataDir.resolve(null, Map.of(), "Mac OS X", home).root());
        assertEquals(Path.of("/appdata/Hearth"), DataDir.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", home).root());
    }
}
