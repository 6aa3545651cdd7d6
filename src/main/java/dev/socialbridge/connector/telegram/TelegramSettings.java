package dev.socialbridge.connector.telegram;

import dev.socialbridge.config.SettingSpec;
import java.util.List;

/** The settings of the Telegram connector ({@code socialbridge.telegram.*}), declared once. */
public final class TelegramSettings {
    public static final String PREFIX = "socialbridge.telegram.";
    public static final String API_BASE_URL = "api-base-url";
    public static final String BOTS = "bots.";
    public static final String BOT_TOKEN = "token";
    public static final String BOT_SECRET_TOKEN = "secret-token";
    public static final String BOT_USERNAME = "username";
    public static final String DEFAULT_API_BASE_URL = "https://api.telegram.org";

    /** A token from @BotFather: the bot's numeric id, ':', then the secret part. */
    static final String TOKEN_PATTERN = "[0-9]{1,20}:[A-Za-z0-9_-]{35,}";
    /** What Telegram accepts as {@code secret_token} in setWebhook. */
    static final String SECRET_TOKEN_PATTERN = "[A-Za-z0-9_-]{1,256}";
    /** A Telegram username: 5 to 32 letters, digits and underscores, without the '@'. */
    static final String USERNAME_PATTERN = "[A-Za-z][A-Za-z0-9_]{4,31}";

    static final List<SettingSpec> SPECS = List.of(
            SettingSpec.url(API_BASE_URL, "Telegram Bot API base URL").withDefault(DEFAULT_API_BASE_URL),
            SettingSpec.secret(bot(BOT_TOKEN), "bot token from @BotFather").mandatory()
                    .matching(TOKEN_PATTERN, "a bot token such as 123456789:AA... (digits, ':', 35 or more characters)"),
            SettingSpec.secret(bot(BOT_SECRET_TOKEN),
                    "secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token on every webhook; `telegram set-webhook` registers it")
                    .mandatory().matching(SECRET_TOKEN_PATTERN, "1 to 256 characters A-Z, a-z, 0-9, _ or -"),
            SettingSpec.string(bot(BOT_USERNAME), "the bot's @username without '@' (recognises mentions in groups)")
                    .matching(USERNAME_PATTERN, "a Telegram username without '@' (5-32 letters, digits or _)")
                    .withExample("shop_help_bot"));

    private TelegramSettings() {
    }

    private static String bot(String attribute) {
        return BOTS + SettingSpec.NAME + "." + attribute;
    }
}
