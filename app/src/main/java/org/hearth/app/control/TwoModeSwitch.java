package org.hearth.app.control;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * Two joined toggle buttons of which exactly one is on (a plain toggle group lets the selected one
 * be clicked off, leaving neither). The first is on at the start.
 */
public final class TwoModeSwitch extends HBox {

    private final ToggleGroup modes = new ToggleGroup();
    private final ToggleButton second;

    /** {@code idPrefix}: the buttons get the ids {@code idPrefix-firstId} and {@code idPrefix-secondId}. */
    public TwoModeSwitch(String idPrefix, String firstId, String firstText, String secondId, String secondText) {
        ToggleButton first = new ToggleButton(firstText);
        first.setId(idPrefix + "-" + firstId);
        second = new ToggleButton(secondText);
        second.setId(idPrefix + "-" + secondId);
        first.setToggleGroup(modes);
        second.setToggleGroup(modes);
        first.setSelected(true);
        modes.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                modes.selectToggle(was);
            }
        });
        getChildren().addAll(first, second);
    }

    /** Whether the second mode is on. */
    public ReadOnlyBooleanProperty secondSelected() {
        return second.selectedProperty();
    }

    public boolean isSecondSelected() {
        return second.isSelected();
    }

    /** Fires whenever the mode changes. */
    public Observable changes() {
        return modes.selectedToggleProperty();
    }
}
