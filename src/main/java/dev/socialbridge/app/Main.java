package dev.socialbridge.app;

import dev.socialbridge.rules.SimulateCommand;
import dev.socialbridge.config.ConfigProblemsException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/social-bridge}: the plugin's command line. Exit codes: 0 ok, 2 bad usage or
 * configuration, 1 runtime failure.
 */
@Command(name = "social-bridge", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Social Bridge: Instagram, Facebook/Messenger and other social channels in your helpdesk (Request Tracker 5).",
        subcommands = {ServeCommand.class, InstallCommand.class, UninstallCommand.class, VerifyCommand.class, ClassifyCommand.class,
                SimulateCommand.class, LearnCommand.class, DeadLettersCommand.class, ReportCommand.class, LinksCommand.class, PeopleCommand.class,
                SettingsCommand.class, WarmupCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_CONFIG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Logging.install();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI with the given streams; returns the exit code (used by tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main());
        for (dev.socialbridge.connector.spi.ConnectorFactory f : dev.socialbridge.connector.Connectors.factories()) {
            if (!f.commands().isEmpty()) {
                CommandLine group = new CommandLine(new ConnectorCommands(f.id()));
                f.commands().forEach(group::addSubcommand);
                cli.addSubcommand(f.id(), group);
            }
        }
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigProblemsException problems) {
                return ConfigReport.print(cmd.getErr(), problems.problems());
            }
            cmd.getErr().println("social-bridge: " + e.getMessage());
            return FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"social-bridge " + (v == null ? "dev" : v)};
        }
    }
}
