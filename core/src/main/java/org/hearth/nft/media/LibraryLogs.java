package org.hearth.nft.media;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * jsvg logs through java.util.logging, which prints to the console by default. A hostile SVG must not
 * fill the console, so its records go to the app's logger (SLF4J) at debug level, one line each.
 */
final class LibraryLogs {

    /** Held strongly: java.util.logging keeps loggers weakly and would forget the configuration. */
    private static final Logger JSVG = Logger.getLogger("com.github.weisj.jsvg");

    private LibraryLogs() {
    }

    static synchronized void routeJsvg() {
        if (JSVG.getUseParentHandlers()) {
            org.slf4j.Logger target = LoggerFactory.getLogger("org.hearth.nft.media.jsvg");
            JSVG.setUseParentHandlers(false);
            JSVG.addHandler(new Handler() {
                @Override
                public void publish(LogRecord r) {
                    if (r.getLevel().intValue() >= Level.WARNING.intValue() || target.isDebugEnabled()) {
                        target.debug("jsvg: {}", r.getMessage() == null ? "" : r.getMessage().lines().findFirst().orElse(""));
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }
    }
}
