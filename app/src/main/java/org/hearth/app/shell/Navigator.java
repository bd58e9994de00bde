package org.hearth.app.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/**
 * The one way pages are shown. Each top-level screen (a key) has a stack of pages: its root page,
 * built on first visit and kept, and the nested pages pushed over it (list → detail), popped by
 * {@link #back()}. Exactly the page on top of the current screen's stack is active, and only while
 * the window is shown: switching screens, pushing, going back or hiding the window deactivates the
 * page that was showing before the next one activates.
 */
public final class Navigator<K> {

    private final Consumer<Node> display;
    private final Map<K, Deque<Page>> stacks = new HashMap<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private K current;
    private boolean windowShown = true;
    private boolean active;

    /** {@code display} puts a page's view on screen (the window's centre). */
    public Navigator(Consumer<Node> display) {
        this.display = display;
    }

    /** Shows screen {@code key} (with the nested page it was left on), building its root page on first visit. */
    public void show(K key, Supplier<Page> root) {
        if (key.equals(current)) {
            return;
        }
        deactivateTop();
        current = key;
        stacks.computeIfAbsent(key, k -> {
            Deque<Page> stack = new ArrayDeque<>();
            stack.push(root.get());
            return stack;
        });
        showTop();
    }

    /** Opens a nested page over the current one (list → detail). */
    public void push(Page page) {
        Deque<Page> stack = requireStack();
        deactivateTop();
        stack.push(page);
        showTop();
    }

    /** Back to the page under the current nested one; false (and nothing changes) on a screen's root page. */
    public boolean back() {
        Deque<Page> stack = requireStack();
        if (stack.size() < 2) {
            return false;
        }
        deactivateTop();
        stack.pop();
        showTop();
        return true;
    }

    /** A minimised or closed window shows nothing: its page is deactivated until the window is shown again. */
    public void setWindowShown(boolean shown) {
        if (shown == windowShown) {
            return;
        }
        windowShown = shown;
        if (shown) {
            activateTop();
        } else {
            deactivateTop();
        }
    }

    /** The screen shown, or null before the first {@link #show}. */
    public K current() {
        return current;
    }

    /** The page on top of the current screen's stack, or null before the first {@link #show}. */
    public Page currentPage() {
        return current == null ? null : stacks.get(current).peek();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** Deactivates what is showing (the window is closing). */
    public void close() {
        deactivateTop();
    }

    private Deque<Page> requireStack() {
        if (current == null) {
            throw new IllegalStateException("no screen shown yet");
        }
        return stacks.get(current);
    }

    private void showTop() {
        Page top = currentPage();
        display.accept(top.view());
        canGoBack.set(stacks.get(current).size() > 1);
        activateTop();
    }

    private void activateTop() {
        if (!active && windowShown && current != null) {
            active = true;
            currentPage().onActivate();
        }
    }

    private void deactivateTop() {
        if (active) {
            active = false;
            currentPage().onDeactivate();
        }
    }
}
