package org.hearth.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/** The navigator's order of events: the page leaving is deactivated before the next one activates. */
class NavigatorTest {

    private final List<String> events = new ArrayList<>();
    private final List<Object> shown = new ArrayList<>();
    private final Navigator<String> navigator = new Navigator<>(shown::add);
    private int built;

    /** A page that records its lifecycle; its "view" is a marker the display receives (no toolkit needed). */
    private Page page(String name) {
        return new Page() {
            @Override
            public Node view() {
                events.add("view " + name);
                return null;
            }

            @Override
            public void onActivate() {
                events.add("activate " + name);
            }

            @Override
            public void onDeactivate() {
                events.add("deactivate " + name);
            }
        };
    }

    private Page built(String name) {
        built++;
        return page(name);
    }

    @Test
    void switchingScreensDeactivatesTheOldBeforeActivatingTheNew() {
        navigator.show("wallet", () -> built("wallet"));
        navigator.show("node", () -> built("node"));
        navigator.show("wallet", () -> built("wallet again"));
        assertEquals(List.of("view wallet", "activate wallet", "deactivate wallet", "view node", "activate node",
                "deactivate node", "view wallet", "activate wallet"), events);
        assertEquals(2, built, "a screen's root page is built once and kept");
        assertEquals("wallet", navigator.current());
    }

    @Test
    void showingTheCurrentScreenAgainChangesNothing() {
        navigator.show("wallet", () -> built("wallet"));
        events.clear();
        navigator.show("wallet", () -> built("wallet"));
        assertEquals(List.of(), events);
    }

    @Test
    void nestedPagesStackAndBackReturnsToTheList() {
        Page list = page("list");
        navigator.show("tokens", () -> list);
        assertFalse(navigator.canGoBackProperty().get());
        Page detail = page("detail");
        navigator.push(detail);
        assertTrue(navigator.canGoBackProperty().get());
        assertSame(detail, navigator.currentPage());
        assertTrue(navigator.back());
        assertSame(list, navigator.currentPage());
        assertFalse(navigator.canGoBackProperty().get());
        assertFalse(navigator.back(), "a screen's root page has nothing to go back to");
        assertEquals(List.of("view list", "activate list", "deactivate list", "view detail", "activate detail",
                "deactivate detail", "view list", "activate list"), events);
    }

    @Test
    void aScreenKeepsItsNestedPageWhileAnotherIsShown() {
        navigator.show("tokens", () -> page("list"));
        navigator.push(page("detail"));
        navigator.show("node", () -> page("node"));
        assertFalse(navigator.canGoBackProperty().get(), "the node screen has no page under it");
        events.clear();
        navigator.show("tokens", () -> page("another list"));
        assertEquals(List.of("deactivate node", "view detail", "activate detail"), events);
        assertTrue(navigator.canGoBackProperty().get());
        assertTrue(navigator.back());
        assertEquals("activate list", events.getLast());
    }

    @Test
    void aHiddenWindowDeactivatesItsPageUntilShownAgain() {
        navigator.show("wallet", () -> page("wallet"));
        navigator.setWindowShown(false);
        navigator.setWindowShown(false);
        navigator.show("node", () -> page("node"));
        assertEquals(List.of("view wallet", "activate wallet", "deactivate wallet", "view node"), events,
                "nothing activates while the window is hidden, and nothing is deactivated twice");
        navigator.setWindowShown(true);
        assertEquals("activate node", events.getLast());
        navigator.close();
        assertEquals("deactivate node", events.getLast());
    }

    @Test
    void pushBeforeAnyScreenIsRefused() {
        assertThrows(IllegalStateException.class, () -> navigator.push(page("detail")));
    }

    @Test
    void theDisplayGetsEachPageShown() {
        navigator.show("wallet", () -> page("wallet"));
        navigator.push(page("detail"));
        navigator.back();
        assertEquals(3, shown.size());
    }
}
