package dev.socialbridge.connector.telegram;

import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Interaction;

/**
 * One update being parsed: the bot it arrived for, its raw JSON and its dedupe key, and the items it can become.
 *
 * @param type the update's content field ({@code message}, {@code callback_query}...): the path of reasons
 */
record TelegramUpdate(TelegramBot bot, String type, String rawJson, String dedupeKey) {

    ParsedItem accepted(Interaction interaction) {
        return new ParsedItem.Accepted(dedupeKey, rawJson, interaction);
    }

    ParsedItem ignored(String reason) {
        return new ParsedItem.Ignored(dedupeKey, rawJson, reason);
    }

    ParsedItem quarantined(String reason) {
        return new ParsedItem.Quarantined(dedupeKey, rawJson, reason);
    }
}
