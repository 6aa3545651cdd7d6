package dev.socialbridge.connector.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.DeliveryStatus;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import dev.socialbridge.support.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each WhatsApp webhook payload becomes. */
class WhatsAppWebhookParserTest {
    private final WhatsAppWebhookParser parser = new WhatsAppWebhookParser(WhatsAppFixtures.accounts("http://127.0.0.1:1"));

    private List<ParsedItem> parse(String fixture) {
        return parser.parse(WhatsAppFixtures.fixture(fixture));
    }

    private Interaction accepted(String fixture) {
        List<ParsedItem> items = parse(fixture);
        assertEquals(1, items.size(), items.toString());
        return assertInstanceOf(ParsedItem.Accepted.class, items.get(0)).interaction();
    }

    private DeliveryStatus status(String fixture) {
        List<ParsedItem> items = parse(fixture);
        assertEquals(1, items.size(), items.toString());
        return assertInstanceOf(ParsedItem.StatusUpdate.class, items.get(0)).status();
    }

    @Nested
    class Customers {
        @Test
        void aBusinessScopedUserIdKeysTheThreadAndThePhoneNumberIsWhereRepliesGo() {
            ParsedItem item = parse("text-bsuid-username.json").get(0);
            assertEquals("wa:msg:ABGGFlA5Fpa", item.dedupeKey());
            Interaction i = ((ParsedItem.Accepted) item).interaction();
            assertEquals(Platform.WHATSAPP, i.platform());
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals(WhatsAppFixtures.SANDBOX, i.accountId());
            assertEquals("whatsapp:dm:123456123:US.13491208655302741918", i.threadKey());
            assertEquals("US.13491208655302741918", i.author().id());
            assertEquals("testusername", i.author().handle());
            assertEquals("test user name", i.author().displayName());
            assertEquals("16315551181", i.conversationId());
            assertEquals("this is a text message", i.text());
            assertEquals(Instant.ofEpochSecond(1504902988), i.occurredAt());
            assertFalse(i.fromSelf());
            assertTrue(i.automationAllowed());
        }

        @Test
        void aUsernameCustomerWithoutPhoneIsKeyedAndAnsweredByBusinessScopedId() {
            Interaction i = accepted("text-username-without-phone.json");
            assertEquals("FR.20482761183907112345", i.author().id());
            assertEquals("FR.20482761183907112345", i.conversationId());
            assertEquals("whatsapp:dm:" + WhatsAppFixtures.SHOP + ":FR.20482761183907112345", i.threadKey());
            assertEquals("lea.rdv", i.author().handle());
        }

        @Test
        void aCustomerWithAPhoneOnlyIsKeyedByIt() {
            Interaction i = accepted("text.json");
            assertEquals(WhatsAppFixtures.CUSTOMER, i.author().id());
            assertEquals(WhatsAppFixtures.CUSTOMER, i.conversationId());
            assertNull(i.author().handle());
            assertEquals("Sheena Nelson", i.author().displayName());
            assertEquals("whatsapp:dm:" + WhatsAppFixtures.SHOP + ":" + WhatsAppFixtures.CUSTOMER, i.threadKey());
            assertNull(i.parentId());
        }

        @Test
        void theOnlyContactIsNotBorrowedForAnotherSender() {
            Interaction i = acceptedJson(Json.write(WhatsAppFixtures.fixture("text.json"))
                    .replace("\"from\":\"" + WhatsAppFixtures.CUSTOMER, "\"from\":\"33612345678"));
            assertEquals("33612345678", i.author().id());
            assertNull(i.author().displayName());
        }

        @Test
        void aQuotedMessageIsTheParent() {
            assertEquals("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QjZEQzE2RTg0NjdBMUQ2NzAA",
                    accepted("text-reply-to-our-message.json").parentId());
        }
    }

    @Nested
    class MessageTypes {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "image.json    | image    | 1003383421387256 | image/jpeg             |                        | Le colis est arrivé abîmé",
            "audio.json    | audio    | 1287431682528710 | audio/ogg; codecs=opus |                        | ''",
            "video.json    | video    | 2190554171446711 | video/mp4              |                        | Voici le bruit que fait l'appareil",
            "document.json | document | 1622931101729870 | application/pdf        | facture-2025-0042.pdf  | Ma facture",
            "sticker.json  | sticker  | 1154391162883047 | image/webp             |                        | ''"})
        void mediaBecomeAttachmentsToDownloadByIdWithTheCaptionAsText(String fixture, String type, String mediaId,
                                                                     String mime, String fileName, String caption) {
            Interaction i = accepted(fixture);
            assertEquals(List.of(new Attachment(type, null, mediaId, mime, fileName)), i.attachments());
            assertEquals(caption, i.text());
            assertEquals(InteractionKind.DM, i.kind());
        }

        @Test
        void aLocationReadsAsPlaceCoordinatesAndAMapLink() {
            assertEquals("📍 Meta Headquarters, 1 Hacker Way, Menlo Park, CA 94025 (37.483307, -122.148981)"
                    + " https://maps.google.com/?q=37.483307,-122.148981\nhttps://meta.com", accepted("location.json").text());
        }

        @Test
        void sharedContactsReadAsNamesPhonesAndEmails() {
            assertEquals("👤 Barbara J. Johnson: +1 (650) 555-1234, bjohnson@example.com", accepted("contacts.json").text());
        }

        @Test
        void anOrderListsItsItemsAndTotal() {
            assertEquals("🛒 Order (catalog 194836987003835):\n- 2 × di9ozbzfi4 at 7.99 USD = 15.98 USD"
                    + "\n- 1 × nqryix03ez at 12.5 USD = 12.5 USD\nTotal: 28.48 USD\nLove these!", accepted("order.json").text());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "interactive-button-reply.json | Parler à un humain",
            "interactive-list-reply.json   | Livraison express — Sous 24 h, 9,90 €",
            "button.json                   | Stop promotions"})
        void aTappedButtonOrListRowIsAPostbackWithItsTitle(String fixture, String text) {
            Interaction i = accepted(fixture);
            assertEquals(InteractionKind.POSTBACK, i.kind());
            assertEquals(text, i.text());
            assertTrue(i.parentId().startsWith("wamid."), "the message whose button was tapped");
        }

        @Test
        void aSubmittedFormListsItsAnswersButNotTheFlowToken() {
            Interaction i = accepted("interactive-nfm-reply.json");
            assertEquals(InteractionKind.POSTBACK, i.kind());
            assertEquals("📝 Sent\norder_number: FR-2025-0042\nissue: colis endommagé", i.text());
        }

        @Test
        void aReactionIsIgnored() {
            ParsedItem item = parse("reaction.json").get(0);
            ParsedItem.Ignored ignored = assertInstanceOf(ParsedItem.Ignored.class, item);
            assertTrue(ignored.reason().startsWith("reaction: ❤️ on wamid."), ignored.reason());
            assertTrue(item.dedupeKey().startsWith("wa:msg:wamid."));
        }

        @Test
        void aSystemNoticeIsTicketedButNeverAnswered() {
            Interaction i = accepted("system.json");
            assertEquals("User Sheena Nelson changed from 16505551234 to 12195555358", i.text());
            assertFalse(i.automationAllowed());
            assertEquals(WhatsAppFixtures.CUSTOMER, i.author().id(), "system messages carry no contacts[]");
        }

        @Test
        void anUnsupportedMessageIsTicketedWithWhatWhatsAppSaysAndNeverAnswered() {
            Interaction i = accepted("unsupported.json");
            assertTrue(i.text().startsWith("[unsupported message type: poll_update]"), i.text());
            assertTrue(i.text().contains("Message type unknown"), i.text());
            assertFalse(i.automationAllowed());
        }

        @Test
        void anUnknownMessageTypeIsTicketedForAnAgentRatherThanLost() {
            Interaction i = acceptedJson(inline("\"type\":\"poll\",\"poll\":{\"name\":\"?\"}"));
            assertTrue(i.text().contains("[poll message"), i.text());
            assertFalse(i.automationAllowed());
        }
    }

    @Nested
    class Attribution {
        @Test
        void aClickToWhatsAppAdBecomesAReferralWithClickIdAndHeadline() {
            Interaction i = accepted("referral-ctwa.json");
            Referral r = i.referral();
            assertEquals(new Referral(null, "ad", "ctwa", "120226305854810726", "https://fb.me/3cr4Wqqkv",
                    r.clickId(), "Chat with us"), r);
            assertTrue(r.clickId().startsWith("Aff-n8ZTODiE79d22"));
            assertFalse(i.text().contains("Chat with us"), "the headline goes into the referral only");
            assertEquals("Bonjour, je voudrais plus d'infos sur le pack pro", i.text());
        }

        @Test
        void aPostReferralHasNoAdId() {
            Referral r = WhatsAppMessageParser.referral(Json.MAPPER.valueToTree(Map.of("source_type", "post",
                    "source_id", "123", "source_url", "https://fb.com/p/1")));
            assertNull(r.adId());
            assertEquals("post", r.source());
        }
    }

    @Nested
    class Statuses {
        @ParameterizedTest
        @CsvSource({"status-sent.json, SENT", "status-delivered.json, DELIVERED", "status-read.json, READ"})
        void receiptsUpdateTheMessageWeSent(String fixture, DeliveryStatus.State state) {
            DeliveryStatus s = status(fixture);
            assertEquals(state, s.state());
            assertEquals(Platform.WHATSAPP, s.platform());
            assertNull(s.errorCode());
        }

        @Test
        void aDeliveredStatusNamesTheBusinessScopedRecipient() {
            ParsedItem item = parse("status-delivered.json").get(0);
            assertEquals("wa:status:ABGGFlA5Fpa:delivered", item.dedupeKey());
            DeliveryStatus s = ((ParsedItem.StatusUpdate) item).status();
            assertEquals("ABGGFlA5Fpa", s.messageId());
            assertEquals(WhatsAppFixtures.SANDBOX, s.accountId());
            assertEquals("US.13491208655302741918", s.recipientId());
            assertEquals(Instant.ofEpochSecond(1504902988), s.occurredAt());
        }

        @Test
        void aFailureSaysWhatTheAgentCanDo() {
            DeliveryStatus s = status("status-failed-131047.json");
            assertEquals(DeliveryStatus.State.FAILED, s.state());
            assertEquals("131047", s.errorCode());
            assertTrue(s.errorDetail().startsWith("more than 24 h since the customer's last message: send an approved"
                    + " template (rule outsideWindow) or wait for the customer to write"), s.errorDetail());
            assertTrue(s.errorDetail().contains("Re-engagement message"), s.errorDetail());
        }

        @Test
        void aPlayedVoiceMessageCountsAsReadAndUnknownStatusesAreQuarantined() {
            String played = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                    + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                    + WhatsAppFixtures.SHOP + "\"},\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"played\",\"timestamp\":"
                    + "\"1739321500\"},{\"id\":\"wamid.X\",\"status\":\"vanished\",\"timestamp\":\"1739321501\"}]}}]}]}";
            List<ParsedItem> items = parser.parse(read(played));
            assertEquals(DeliveryStatus.State.READ, ((ParsedItem.StatusUpdate) items.get(0)).status().state());
            assertTrue(((ParsedItem.Quarantined) items.get(1)).reason().contains("unknown status 'vanished'"));
        }
    }

    @Nested
    class Envelope {
        @Test
        void messagesTypedInTheWhatsAppBusinessAppAreOursAndNeverTheCustomers() {
            Interaction i = accepted("smb-message-echoes.json");
            assertTrue(i.fromSelf());
            assertEquals(WhatsAppFixtures.SHOP, i.author().id());
            assertEquals("15550783881", i.author().displayName());
            assertEquals("whatsapp:dm:" + WhatsAppFixtures.SHOP + ":" + WhatsAppFixtures.CUSTOMER, i.threadKey());
            assertEquals("Bonjour Sheena, votre colis part demain matin.", i.text());
        }

        @Test
        void aBatchYieldsOneItemPerMessageAndStatusRoutedByPhoneNumber() {
            List<ParsedItem> items = parse("batch-several-messages.json");
            assertEquals(4, items.size(), items.toString());
            Interaction camille = ((ParsedItem.Accepted) items.get(0)).interaction();
            Interaction sheena = ((ParsedItem.Accepted) items.get(1)).interaction();
            assertEquals("Camille Martin", camille.author().displayName());
            assertEquals("Sheena Nelson", sheena.author().displayName(), "contacts are matched by wa_id");
            assertFalse(camille.threadKey().equals(sheena.threadKey()));
            assertInstanceOf(ParsedItem.StatusUpdate.class, items.get(2));
            assertEquals(WhatsAppFixtures.SANDBOX, ((ParsedItem.Accepted) items.get(3)).interaction().accountId());
        }

        @Test
        void platformErrorsAreIgnoredWithTheirReason() {
            ParsedItem.Ignored e = assertInstanceOf(ParsedItem.Ignored.class, parse("value-errors.json").get(0));
            assertTrue(e.reason().contains("130429") && e.reason().contains("too many messages"), e.reason());
        }

        @Test
        void malformedItemsUnknownNumbersAndFieldsAreQuarantinedAloneWithTheReason() {
            List<ParsedItem> items = parse("batch-malformed-and-unknown-number.json");
            assertEquals(4, items.size(), items.toString());
            assertTrue(((ParsedItem.Quarantined) items.get(0)).reason().contains("message.id missing"));
            assertEquals("this one is fine", ((ParsedItem.Accepted) items.get(1)).interaction().text());
            assertTrue(((ParsedItem.Quarantined) items.get(2)).reason()
                    .contains("phone number id 999999999999999 is not configured"));
            assertTrue(((ParsedItem.Quarantined) items.get(3)).reason().contains("unknown field 'some_future_field'"));
            assertTrue(items.get(0).dedupeKey().startsWith("wa:quarantine:"));
        }

        @Test
        void anotherMetaObjectIsQuarantinedWhole() {
            List<ParsedItem> items = parser.parse(read("{\"object\":\"page\",\"entry\":[]}"));
            assertInstanceOf(ParsedItem.Quarantined.class, items.get(0));
        }

        @Test
        void eachItemsRawJsonParsesAgainIntoTheSameItem() {
            for (ParsedItem item : parse("batch-several-messages.json")) {
                List<ParsedItem> again = parser.parse(read(item.rawJson()));
                assertEquals(List.of(item), again);
            }
        }

        @Test
        void accountAndTemplateNotificationsAreIgnored() {
            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WhatsAppFixtures.SHOP_WABA
                    + "\",\"time\":1739321024,\"changes\":[{\"field\":\"message_template_status_update\",\"value\":"
                    + "{\"event\":\"APPROVED\",\"message_template_id\":1,\"message_template_name\":\"order_follow_up\"}}]}]}";
            ParsedItem.Ignored ignored = assertInstanceOf(ParsedItem.Ignored.class, parser.parse(read(body)).get(0));
            assertTrue(ignored.reason().startsWith("notification: message_template_status_update"));
        }
    }

    /** The text fixture with its {@code "type":"text","text":{...}} replaced. */
    private static String inline(String typeAndContent) {
        return Json.write(WhatsAppFixtures.fixture("text.json")).replaceAll("\"type\":\"text\",\"text\":\\{[^}]*}",
                typeAndContent);
    }

    private Interaction acceptedJson(String json) {
        List<ParsedItem> items = parser.parse(read(json));
        return assertInstanceOf(ParsedItem.Accepted.class, items.get(0)).interaction();
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
