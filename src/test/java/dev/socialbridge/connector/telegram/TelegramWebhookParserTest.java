package dev.socialbridge.connector.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramWebhookParserTest {
    private final TelegramWebhookParser parser = new TelegramWebhookParser(TelegramFixtures.bots(), TelegramFixtures.CLOCK);

    private static Interaction accepted(ParsedItem item) {
        return assertInstanceOf(ParsedItem.Accepted.class, item, item.toString()).interaction();
    }

    private ParsedItem parse(JsonNode update, String bot) {
        List<ParsedItem> items = parser.parse(update, bot);
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static ObjectNode fixture(String name) throws IOException {
        return (ObjectNode) TelegramFixtures.read(name);
    }

    @Nested
    class PrivateChats {
        @Test
        void aPrivateMessageIsADmInTheChatsThread() throws IOException {
            ParsedItem item = TelegramFixtures.parse("private-text.json");
            Interaction i = accepted(item);
            assertEquals(Platform.TELEGRAM, i.platform());
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals("shop", i.accountId());
            assertEquals("telegram:chat:shop:5512340001", i.threadKey());
            assertEquals("5512340001", i.conversationId());
            assertEquals("5512340001:412", i.itemId());
            assertNull(i.parentId());
            assertEquals("5512340001", i.author().id());
            assertEquals("camille_m", i.author().handle());
            assertEquals("Camille Martin", i.author().displayName());
            assertTrue(i.text().startsWith("Bonjour ! Combien coûte le pack pro"), i.text());
            assertEquals(Instant.ofEpochSecond(1767611400), i.occurredAt());
            assertFalse(i.fromSelf());
            assertTrue(i.automationAllowed());
            assertTrue(item.dedupeKey().matches("tg:shop:815366201:[0-9a-f]{12}"), item.dedupeKey());
        }

        @Test
        void aPhotoKeepsItsLargestSizeAndTheCaptionIsTheText() throws IOException {
            Interaction i = accepted(TelegramFixtures.parse("private-photo-caption.json"));
            assertEquals("Le mug est arrivé cassé, voici la photo du colis.", i.text());
            assertEquals(List.of(new Attachment("photo", null,
                    "AgACAgQAAxkBAAIBn2e4Xq1a9Ck7S0m3rUoQ0l4c2cFhAAJmwjEbZg9JUBqTd1Kx3w0XAQADAgADeQADNgQ", "image/jpeg", null)),
                    i.attachments());
        }

        @ParameterizedTest
        @CsvSource({
            "private-document.json, document, BQACAgQAAxkBAAIBoWe4Xr0kLmQ2k9Fh3rTzPq1vYc8xAAJ7FQACZg9JUHj0fW2lR8iHNgQ, application/pdf, invoice-2026-0117.pdf",
            "private-voice.json, voice, AwACAgQAAxkBAAIBo2e4Xs3gD7HqZ1mVtYwq3s8ApxQFAAJ8FQACZg9JUOk2s7cYc5HXNgQ, audio/ogg,",
            "private-sticker.json, sticker, CAACAgIAAxkBAAIBpWe4Xg6uSZhUJu51_Xd5wPD9ymdyAAIFAAPANk8T-WpfmoJrTXU2BA, image/webp,",
        })
        void filesBecomeAttachmentsNamedByTheirFileId(String fixture, String type, String fileId, String mime, String name)
                throws IOException {
            Interaction i = accepted(TelegramFixtures.parse(fixture));
            assertEquals(List.of(new Attachment(type, null, fileId, mime, name)), i.attachments());
            assertEquals(InteractionKind.DM, i.kind());
        }

        @Test
        void aMessageWithoutTextOrFileSaysWhatCame() throws IOException {
            ObjectNode u = fixture("private-text.json");
            ObjectNode msg = (ObjectNode) u.get("message");
            msg.remove("text");
            msg.putObject("location").put("latitude", 48.8566).put("longitude", 2.3522);
            assertEquals("[location]", accepted(parse(u, "shop")).text());
        }

        @Test
        void anEditReachesTheTicketButAutomationLeavesItAlone() throws IOException {
            Interaction i = accepted(TelegramFixtures.parse("edited-message.json"));
            assertEquals(InteractionKind.MESSAGE_EDITED, i.kind());
            assertEquals("an edit of an earlier message", i.automationBlockedBy());
            assertTrue(i.text().contains("version équipe"), i.text());
            assertEquals("5512340001:412:edit:1767611461", i.itemId(), "not the original message's id: the host records each id once");
            assertEquals(Instant.ofEpochSecond(1767611461), i.occurredAt());
            assertEquals("telegram:chat:shop:5512340001", i.threadKey());
        }

        @Test
        void aMessageOfTheBotItselfIsFromSelf() throws IOException {
            ObjectNode u = fixture("private-text.json");
            ((ObjectNode) u.get("message").get("from")).put("id", Long.parseLong(TelegramFixtures.SHOP_ID)).put("is_bot", true);
            assertTrue(accepted(parse(u, "shop")).fromSelf());
        }
    }

    @Nested
    class Groups {
        @Test
        void aMentionOfTheBotIsAGroupMessageWithItsLink() throws IOException {
            Interaction i = accepted(TelegramFixtures.parse("group-mention.json"));
            assertEquals(InteractionKind.GROUP_MESSAGE, i.kind());
            assertEquals("helpdesk", i.accountId());
            assertEquals("telegram:chat:helpdesk:-1001987654321", i.threadKey());
            assertEquals("-1001987654321:1183", i.itemId());
            assertEquals("-1001987654321", i.conversationId());
            assertEquals("https://t.me/acme_clients/1183", i.permalink());
            assertEquals("Inès Roy", i.author().displayName());
        }

        @Test
        void aReplyToOneOfTheBotsMessagesIsAGroupMessageUnderIt() throws IOException {
            Interaction i = accepted(TelegramFixtures.parse("group-reply-to-bot.json"));
            assertEquals(InteractionKind.GROUP_MESSAGE, i.kind());
            assertEquals("-1001987654321:1184", i.parentId());
        }

        @Test
        void otherGroupMessagesAreIgnored() throws IOException {
            ParsedItem item = TelegramFixtures.parse("group-not-for-bot.json");
            assertEquals("group message not addressed to the bot",
                    assertInstanceOf(ParsedItem.Ignored.class, item).reason());
        }

        @Test
        void aMentionOfAnotherBotIsNotForThisOne() throws IOException {
            assertInstanceOf(ParsedItem.Ignored.class, parse(fixture("group-mention.json"), "shop"));
        }

        @Test
        void aTextMentionOfTheBotsUserIdIsForTheBot() throws IOException {
            ObjectNode u = fixture("group-not-for-bot.json");
            ObjectNode msg = (ObjectNode) u.get("message");
            msg.put("text", "Acme Helpdesk vous êtes là ?");
            msg.putArray("entities").addObject().put("offset", 0).put("length", 13).put("type", "text_mention")
                    .putObject("user").put("id", Long.parseLong(TelegramFixtures.HELPDESK_ID)).put("is_bot", true)
                    .put("first_name", "Acme Helpdesk");
            assertEquals(InteractionKind.GROUP_MESSAGE, accepted(parse(u, "helpdesk")).kind());
        }

        @ParameterizedTest
        @CsvSource({"/help@acme_helpdesk_bot, true", "/help@Acme_Helpdesk_Bot, true", "/help@other_bot, false", "/help, false"})
        void aCommandIsForTheBotWhenItNamesIt(String command, boolean forBot) throws IOException {
            ObjectNode u = fixture("group-not-for-bot.json");
            ObjectNode msg = (ObjectNode) u.get("message");
            msg.put("text", command + " commande 4471");
            msg.putArray("entities").addObject().put("offset", 0).put("length", command.length()).put("type", "bot_command");
            assertEquals(forBot, parse(u, "helpdesk") instanceof ParsedItem.Accepted);
        }

        @Test
        void aMentionInAPhotoCaptionCounts() throws IOException {
            ObjectNode u = fixture("group-mention.json");
            ObjectNode msg = (ObjectNode) u.get("message");
            msg.set("caption", msg.remove("text"));
            msg.set("caption_entities", msg.remove("entities"));
            msg.set("photo", fixture("private-photo-caption.json").get("message").get("photo"));
            Interaction i = accepted(parse(u, "helpdesk"));
            assertEquals(1, i.attachments().size());
            assertTrue(i.text().startsWith("@acme_helpdesk_bot"), i.text());
        }

        @Test
        void anAnonymousAdminSpeaksAsTheGroup() throws IOException {
            ObjectNode u = fixture("group-mention.json");
            ObjectNode msg = (ObjectNode) u.get("message");
            msg.remove("from");
            msg.set("sender_chat", msg.get("chat").deepCopy());
            Interaction i = accepted(parse(u, "helpdesk"));
            assertEquals("-1001987654321", i.author().id());
            assertEquals("Acme Clients", i.author().displayName());
        }

        @Test
        void channelPostsAreIgnored() throws IOException {
            assertTrue(assertInstanceOf(ParsedItem.Ignored.class, TelegramFixtures.parse("channel-post.json")).reason()
                    .startsWith("channel_post"));
        }
    }

    @Nested
    class ButtonPresses {
        @Test
        void aButtonPressIsAPostbackNamedByItsLabel() throws IOException {
            Interaction i = accepted(TelegramFixtures.parse("callback-query.json"));
            assertEquals(InteractionKind.POSTBACK, i.kind());
            assertEquals("Pour mon équipe", i.text());
            assertEquals("callback:2367512398412734811", i.itemId());
            assertEquals("5512340001:413", i.parentId());
            assertEquals("telegram:chat:shop:5512340001", i.threadKey());
            assertEquals("5512340001", i.conversationId());
            assertEquals(TelegramFixtures.NOW, i.occurredAt());
            assertTrue(i.automationAllowed());
        }

        @Test
        void withoutTheKeyboardTheTextIsTheButtonsData() throws IOException {
            ObjectNode u = fixture("callback-query.json");
            ((ObjectNode) u.get("callback_query").get("message")).remove("reply_markup");
            assertEquals("usage-equipe", accepted(parse(u, "shop")).text());
        }

        @Test
        void aPressOnAnInlineModeMessageHasNoChatAndIsIgnored() throws IOException {
            ObjectNode u = fixture("callback-query.json");
            ObjectNode cq = (ObjectNode) u.get("callback_query");
            cq.remove("message");
            cq.put("inline_message_id", "AgAAAFcAAAAv3m8BnQ4x");
            assertInstanceOf(ParsedItem.Ignored.class, parse(u, "shop"));
        }
    }

    @Nested
    class Robustness {
        @Test
        void otherUpdateTypesAreIgnoredWithTheType() throws IOException {
            ParsedItem item = TelegramFixtures.parse("my-chat-member.json");
            assertTrue(assertInstanceOf(ParsedItem.Ignored.class, item).reason().startsWith("my_chat_member"), item.toString());
        }

        @Test
        void aMalformedUpdateIsQuarantinedWithThePath() throws IOException {
            ParsedItem item = TelegramFixtures.parse("private-malformed.json");
            assertEquals("message.message_id is not an integer", assertInstanceOf(ParsedItem.Quarantined.class, item).reason());
            assertTrue(item.dedupeKey().startsWith("tg:shop:815366209:"), item.dedupeKey());
        }

        @Test
        void whatIsNotAnUpdateIsQuarantinedNeverThrown() throws IOException {
            for (String body : List.of("[]", "{}", "{\"update_id\":\"1\",\"message\":{}}", "{\"update_id\":1}",
                    "{\"update_id\":1,\"message\":[]}", "{\"update_id\":1,\"message\":{\"message_id\":1}}")) {
                ParsedItem item = parse(Json.MAPPER.readTree(body), "shop");
                assertInstanceOf(ParsedItem.Quarantined.class, item, body);
                assertEquals(body.replace(" ", ""), item.rawJson().replace(" ", ""));
            }
            assertInstanceOf(ParsedItem.Quarantined.class, parse(null, "shop"));
        }

        @Test
        void anUpdateForABotNoLongerConfiguredIsQuarantined() throws IOException {
            ParsedItem item = parse(fixture("private-text.json"), "retired");
            assertTrue(assertInstanceOf(ParsedItem.Quarantined.class, item).reason().contains("retired"));
        }

        @Test
        void aRedeliveredUpdateHasTheSameKeyAndAReusedUpdateIdADifferentOne() throws IOException {
            String once = TelegramFixtures.parse("private-text.json").dedupeKey();
            assertEquals(once, TelegramFixtures.parse("private-text.json").dedupeKey());
            ObjectNode later = fixture("private-text.json");
            ((ObjectNode) later.get("message")).put("text", "Une autre question, des semaines plus tard");
            String reused = parse(later, "shop").dedupeKey();
            assertTrue(reused.startsWith("tg:shop:815366201:"), reused);
            assertNotEquals(once, reused);
        }
    }

    @Test
    void aStartDeepLinkPayloadIsTheReferralOfThePrivateChat() {
        assertEquals(new dev.socialbridge.interaction.Referral("black_friday_2026", "t.me", "start", null, null),
                TelegramMessageParser.startReferral("/start black_friday_2026"));
        assertNull(TelegramMessageParser.startReferral("/start"));
        assertNull(TelegramMessageParser.startReferral("hello /start x"));
        assertNull(TelegramMessageParser.startReferral(null));
    }
}
