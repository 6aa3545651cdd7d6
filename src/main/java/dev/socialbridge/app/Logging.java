package dev.socialbridge.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Jersey, Grizzly) to SLF4J/Logback. */
final class Logging {
    private Logging() {
    }

    static void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
