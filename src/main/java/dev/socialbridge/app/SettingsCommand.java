package dev.socialbridge.app;

import dev.socialbridge.support.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code settings}: lists every setting with its default and meaning, from the declarations in the code. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "List every setting (core, host, connectors) with its default and meaning.")
final class SettingsCommand implements Callable<Integer> {
    enum Format { markdown, properties, json }

    @Option(names = "--format", description = "markdown (default), properties (an example configuration) or json.")
    Format format = Format.markdown;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        var entries = SettingsCatalog.all();
        switch (format) {
            case properties -> out.print(SettingsCatalog.properties(entries));
            case json -> out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SettingsCatalog.descriptorSettings(entries)));
            default -> out.print(SettingsCatalog.markdownTable(entries));
        }
        out.flush();
        return Main.OK;
    }
}
