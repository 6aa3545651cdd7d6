package dev.socialbridge.connector.telegram;

import dev.socialbridge.config.Secret;
import java.util.Objects;

/**
 * One configured bot ({@code socialbridge.telegram.bots.<name>.*}). Its {@link #toString()} shows the name and
 * the numeric id only, never the token or the webhook secret.
 *
 * @param name        the admin's name for it: the webhook path segment and the interactions' account id
 * @param token       the Bot API token ({@code <bot id>:<secret part>}), travels in the URL path
 * @param secretToken what Telegram echoes in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param username    its @username without '@', or null when not configured
 */
record TelegramBot(String name, Secret token, Secret secretToken, String username) {

    TelegramBot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secretToken, "secretToken");
    }

    /** The bot's numeric user id: the part of the token before ':'. */
    String id() {
        String t = token.reveal();
        int colon = t.indexOf(':');
        return colon > 0 ? t.substring(0, colon) : "";
    }

    @Override
    public String toString() {
        return "TelegramBot[" + name + ", id=" + id() + "]";
    }
}
