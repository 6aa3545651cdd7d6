package dev.socialbridge.app;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.connector.meta.MetaAccounts;
import dev.socialbridge.pipeline.AutomationStep;
import java.util.List;
import java.util.function.Function;

/** The classifier and automation step configured for the pipeline. */
record Automation(Function<String, Classification> classifier, AutomationStep step) {

    static Automation build(LoadedConfig config, MetaAccounts accounts) {
        return new Automation(text -> new Classification("other", "other", 0, "neutral", 0),
                AutomationStep.routeTo(config.typed().pipeline().defaultQueue()));
    }

    static List<String> problems(LoadedConfig config) {
        return List.of();
    }
}
