package dev.socialbridge.connector.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.config.ConfigLoader;
import dev.socialbridge.config.ConfigProblemsException;
import dev.socialbridge.config.LoadedConfig;
import dev.socialbridge.config.SettingValues;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.connector.telegram.TelegramResponses.Answer;
import dev.socialbridge.support.Json;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/social-bridge telegram set-webhook --bot NAME --url URL}: registers the bot's webhook with Telegram
 * ({@code setWebhook} with the bot's secret token and the update types the connector reads). Exit 0 when
 * Telegram accepts it, 2 for bad usage or configuration (naming the key), 1 when Telegram refuses or cannot be
 * reached. Never prints the token.
 */
@Command(name = "set-webhook",
        description = "Register https://<host>/webhooks/telegram/<bot> as the bot's webhook (setWebhook, with its secret token).")
final class SetWebhookCommand implements Callable<Integer> {
    static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");
    private static final int OK = 0;
    private static final int FAILURE = 1;
    private static final int BAD_USAGE = 2;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--bot", required = true, paramLabel = "NAME", description = "The bot: NAME of socialbridge.telegram.bots.NAME.*")
    String bot;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Public HTTPS URL ending with /webhooks/telegram/NAME")
    String url;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (overrides config/application.properties).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!isHttpsUrl(url)) {
            err.println("social-bridge telegram set-webhook: --url must be an https URL (Telegram posts to HTTPS only), got '"
                    + url + "'");
            return BAD_USAGE;
        }
        SettingValues settings = settings();
        TelegramBot b = TelegramBots.from(settings).find(bot).orElseThrow(() -> new ConfigProblemsException(List.of(
                settings.fullKey(TelegramSettings.BOTS + bot + "." + TelegramSettings.BOT_TOKEN) + ": no bot named '" + bot
                        + "' is configured (configured: " + String.join(", ", settings.instances(TelegramSettings.BOTS)) + ")")));
        String expected = "/webhooks/telegram/" + bot;
        if (!URI.create(url).getPath().endsWith(expected)) {
            err.println("warning: the URL does not end with " + expected + ": Telegram will post this bot's updates elsewhere");
        }
        ObjectNode params = Json.MAPPER.createObjectNode().put("url", url).put("secret_token", b.secretToken().reveal());
        ALLOWED_UPDATES.forEach(params.putArray("allowed_updates")::add);
        Answer answer = new TelegramClient(TelegramBots.of(List.of(b)), settings.get(TelegramSettings.API_BASE_URL))
                .call(b, "setWebhook", params);
        if (answer.failure() != null) {
            err.println("social-bridge telegram set-webhook: Telegram did not set the webhook: " + answer.failure().reason());
            return FAILURE;
        }
        out.println("Webhook of bot " + bot + " set to " + url + " (updates: " + String.join(", ", ALLOWED_UPDATES) + ").");
        return OK;
    }

    /** The Telegram settings, checked like {@code serve} checks them. */
    private SettingValues settings() {
        String home = System.getProperty("socialbridge.home");
        LoadedConfig loaded = ConfigLoader.load(config, home == null ? null : Path.of(home));
        TelegramConnectorFactory factory = new TelegramConnectorFactory();
        SettingValues values = Connectors.settings(factory, loaded);
        List<String> problems = new ArrayList<>(values.problems());
        factory.validate(values, problems);
        if (!problems.isEmpty()) {
            throw new ConfigProblemsException(problems);
        }
        return values;
    }

    private static boolean isHttpsUrl(String s) {
        try {
            URI u = URI.create(s);
            return "https".equals(u.getScheme()) && u.getHost() != null && u.getPath() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
