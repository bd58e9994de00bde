package org.hearth.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import org.hearth.store.SettingsRepository;

/** Light or dark AtlantaFX theme, remembered in the settings. */
public enum Theme {
    LIGHT, DARK;

    private static final String KEY = "ui.theme";

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public static Theme load(SettingsRepository settings) {
        return settings.get(KEY).map(v -> v.equals("DARK") ? DARK : LIGHT).orElse(LIGHT);
    }

    public void save(SettingsRepository settings) {
        settings.put(KEY, name());
    }
}
