package dev.socialbridge.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/social-bridge <connector> ...}: the group of a connector's own subcommands (it prints their usage). */
@Command(mixinStandardHelpOptions = true, description = "Commands of this connector.")
final class ConnectorCommands implements Callable<Integer> {
    private final String id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ConnectorCommands(String id) {
        this.id = id;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.BAD_CONFIG;
    }

    @Override
    public String toString() {
        return "ConnectorCommands[" + id + "]";
    }
}
