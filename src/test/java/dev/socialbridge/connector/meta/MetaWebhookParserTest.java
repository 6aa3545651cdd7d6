package dev.socialbridge.connector.meta;

import static dev.socialbridge.connector.meta.MetaFixtures.IG_ACCOUNT;
import static dev.socialbridge.connector.meta.MetaFixtures.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socialbridge.connector.spi.ParsedItem;
import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.Referral;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MetaWebhookParserTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MetaWebhookParser parser = new MetaWebhookParser(MetaFixtures.OWN_IDS);

    private List<ParsedItem> parse(String fixture) {
        return parser.parse(MetaFixtures.json(fixture));
    }

    private Interaction single(String fixture) {
        List<ParsedItem> items = parse(fixture);
        assertEquals(1, items.size(), fixture);
        return assertInstanceOf(ParsedItem.Accepted.class, items.get(0), items.get(0).toString()).interaction();
    }

    private ParsedItem only(String fixture) {
        List<ParsedItem> items = parse(fixture);
        assertEquals(1, items.size(), fixture);
        return items.get(0);
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(MetaFixtures.INBOUND)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    @Nested
    class Instagram {

        @Test
        void commentBecomesACommentThreadOnItsOwnId() {
            Interaction i = single("ig-comment.json");
            assertEquals(Platform.INSTAGRAM, i.platform());
            assertEquals(InteractionKind.COMMENT, i.kind());
            assertEquals(IG_ACCOUNT, i.accountId());
            assertEquals("instagram:comment:17841400000000001:17890000000000011", i.threadKey());
            assertEquals("17890000000000011", i.itemId());
            assertNull(i.parentId());
            assertEquals("17910000000000021", i.postId());
            assertEquals("6541230000000001", i.author().id());
            assertEquals("claire.dmt", i.author().handle());
            assertEquals("Combien coûte le pack pro ? 😍", i.text());
            assertEquals(T0, i.occurredAt());
            assertFalse(i.fromSelf());
            assertNull(i.referral());
            assertEquals("ig:comment:17890000000000011:add", only("ig-comment.json").dedupeKey());
        }

        @Test
        void replyJoinsTheThreadOfItsTopLevelComment() {
            Interaction i = single("ig-comment-reply.json");
            assertEquals("instagram:comment:17841400000000001:17890000000000011", i.threadKey());
            assertEquals("17890000000000012", i.itemId());
            assertEquals("17890000000000011", i.parentId());
            assertEquals("marc_lefevre", i.author().handle());
            assertEquals(T0.plusSeconds(133), i.occurredAt());
        }

        @Test
        void mentionInACommentOpensAThreadPerMentionedComment() {
            Interaction i = single("ig-mention.json");
            assertEquals(InteractionKind.MENTION, i.kind());
            assertEquals("instagram:mention:17841400000000001:17894227900000031", i.threadKey());
            assertEquals("17894227900000031", i.itemId());
            assertEquals("17918195200000041", i.postId());
            assertEquals(MetaWebhookParser.UNKNOWN_AUTHOR_ID, i.author().id());
            assertEquals("", i.text());
            assertEquals(T0.plusSeconds(341), i.occurredAt());
            assertEquals("ig:mention:17918195200000041:17894227900000031", only("ig-mention.json").dedupeKey());
        }

        @Test
        void directMessageIsKeyedByMidAndThreadedPerCustomer() {
            Interaction i = single("ig-dm.json");
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals("instagram:dm:17841400000000001:6541230000000003", i.threadKey());
            assertTrue(i.itemId().startsWith("aWdfZAG1"));
            assertEquals("6541230000000003", i.author().id());
            assertTrue(i.text().contains("refund"));
            assertEquals(Instant.ofEpochMilli((T0.getEpochSecond() + 4329) * 1000 + 118), i.occurredAt());
            assertEquals("ig:dm:" + i.itemId(), only("ig-dm.json").dedupeKey());
        }

        @Test
        void storyReplyCarriesTheStoryAsPostAndAttachment() {
            Interaction i = single("ig-story-reply.json");
            assertEquals(InteractionKind.STORY_REPLY, i.kind());
            assertEquals("17950000000000051", i.postId());
            assertEquals("Trop beau ce nouveau coloris 🔥 il est dispo en taille M ?", i.text());
            assertEquals(List.of(Attachment.link("story",
                    "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17950000000000051&signature=AbzSCRUBBED")),
                    i.attachments());
            assertEquals("instagram:dm:17841400000000001:6541230000000004", i.threadKey());
        }

        @Test
        void storyMentionIsRecognisedByItsAttachmentType() {
            Interaction i = single("ig-story-mention.json");
            assertEquals(InteractionKind.STORY_MENTION, i.kind());
            assertEquals("story_mention", i.attachments().get(0).type());
            assertTrue(i.attachments().get(0).url().startsWith("https://lookaside.fbsbx.com/"));
            assertEquals("", i.text());
        }

        @Test
        void echoIsFromSelfAndThreadedOnTheRecipient() {
            Interaction i = single("ig-echo.json");
            assertTrue(i.fromSelf());
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals(IG_ACCOUNT, i.author().id());
            assertEquals("instagram:dm:17841400000000001:6541230000000003", i.threadKey());
        }

        @Test
        void clickToDirectAdMessageCarriesItsRefAdTitleAndAdId() {
            Interaction i = single("ig-dm-referral.json");
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals(new Referral("utm_source=instagram_bio&utm_medium=social&utm_campaign=black_friday_2026", "ADS",
                    "OPEN_THREAD", "120210000000000071",
                    "https://scontent.cdninstagram.com/v/t45.1600-4/scrubbed_bf_creative.jpg", null,
                    "Pack Pro : Black Friday -30 %", null), i.referral());
            assertEquals("instagram:dm:17841400000000001:6541230000000031", i.threadKey());
        }

        @Test
        void igMeReferralOnAnExistingConversationIsAReferralOfThatThread() {
            Interaction i = single("ig-referral.json");
            assertEquals(InteractionKind.REFERRAL, i.kind());
            assertEquals(new Referral("utm_source=story&utm_medium=social&utm_campaign=flash_sale_friday",
                    "IGME_SOURCE_LINK", "OPEN_THREAD", null, null), i.referral());
            assertEquals("instagram:dm:17841400000000001:6541230000000031", i.threadKey());
        }

        @Test
        void adCommentCarriesTheAdAsReferral() {
            Interaction i = single("ig-comment-1500b.json");
            assertEquals(new Referral(null, "ADS", null, "120210000000000062", null, null, "Pack Pro - Black Friday 2026"),
                    i.referral(), "the ad's title is the referral's headline");
            assertTrue(i.text().startsWith("Bonjour ! J'ai découvert"));
        }
    }

    @Nested
    class FacebookFeed {

        private static final String POST = "100000000000001_122100000000000101";
        private static final String C1 = "122100000000000101_1234500000000001";

        @Test
        void topLevelCommentWhoseParentIsThePostStartsItsOwnThread() {
            Interaction i = single("fb-feed-comment-add.json");
            assertEquals(Platform.FACEBOOK, i.platform());
            assertEquals(InteractionKind.COMMENT, i.kind());
            assertEquals(PAGE, i.accountId());
            assertEquals("facebook:comment:100000000000001:" + C1, i.threadKey());
            assertEquals(C1, i.itemId());
            assertNull(i.parentId());
            assertEquals(POST, i.postId());
            assertEquals("7009000000000002", i.author().id());
            assertEquals("Daniel Okafor", i.author().displayName());
            assertEquals("https://www.facebook.com/100000000000001/posts/122100000000000101?comment_id=1234500000000001",
                    i.permalink());
            assertEquals(T0.plusSeconds(598), i.occurredAt());
            assertFalse(i.fromSelf());
            assertEquals("fb:feed:" + C1 + ":add", only("fb-feed-comment-add.json").dedupeKey());
        }

        @Test
        void editedCommentTakesAnIsoCreatedTimeAndKeysByText() {
            Interaction i = single("fb-feed-comment-edited.json");
            assertEquals(InteractionKind.COMMENT_EDITED, i.kind());
            assertEquals(T0, i.occurredAt());
            assertTrue(i.text().contains("remboursée"));
            assertTrue(only("fb-feed-comment-edited.json").dedupeKey()
                    .matches("fb:feed:122100000000000101_1234500000000002:edited:[0-9a-f]{16}"));
        }

        @Test
        void removedCommentHasNoTextNorPermalink() {
            Interaction i = single("fb-feed-comment-remove.json");
            assertEquals(InteractionKind.COMMENT_REMOVED, i.kind());
            assertEquals("", i.text());
            assertNull(i.permalink());
            assertEquals("fb:feed:122100000000000101_1234500000000003:remove", only("fb-feed-comment-remove.json").dedupeKey());
        }

        @Test
        void hiddenCommentIsKeyedByVerbAndEntryTime() {
            Interaction i = single("fb-feed-comment-hide.json");
            assertEquals(InteractionKind.COMMENT_HIDDEN, i.kind());
            assertEquals("fb:feed:122100000000000101_1234500000000004:hide:" + T0.plusSeconds(7300).toEpochMilli(),
                    only("fb-feed-comment-hide.json").dedupeKey());
        }

        @Test
        void pageAuthoredReplyIsFromSelfInTheParentThread() {
            Interaction i = single("fb-feed-page-authored.json");
            assertTrue(i.fromSelf());
            assertEquals(C1, i.parentId());
            assertEquals("facebook:comment:100000000000001:" + C1, i.threadKey());
        }

        @Test
        void pageCommentsAreFromSelfEvenWhenThePageIsNotConfigured() {
            MetaWebhookParser unconfigured = new MetaWebhookParser(List.of());
            ParsedItem item = unconfigured.parse(MetaFixtures.json("fb-feed-page-authored.json")).get(0);
            assertTrue(((ParsedItem.Accepted) item).interaction().fromSelf());
        }
    }

    @Nested
    class Messenger {

        private static final String PSID = "7010000000000001";

        @Test
        void messageWithImageIsADirectMessage() {
            Interaction i = single("messenger-message.json");
            assertEquals(Platform.MESSENGER, i.platform());
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals("messenger:dm:100000000000001:" + PSID, i.threadKey());
            assertEquals(PSID, i.author().id());
            assertEquals("image", i.attachments().get(0).type());
            assertTrue(i.attachments().get(0).url().startsWith("https://scontent.xx.fbcdn.net/v/"));
            assertEquals("msgr:dm:m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDAwMQ",
                    only("messenger-message.json").dedupeKey());
        }

        @Test
        void getStartedPostbackCarriesItsShortlinkReferral() {
            Interaction i = single("messenger-postback-referral.json");
            assertEquals(InteractionKind.POSTBACK, i.kind());
            assertEquals("Get Started", i.text());
            assertEquals(new Referral("utm_source=instagram_bio&campaign=black_friday_2026", "SHORTLINK", "OPEN_THREAD",
                    null, null), i.referral());
            assertEquals(T0.plusSeconds(1000), i.occurredAt(), "string seconds");
            assertEquals("m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDAwMg", i.itemId());
            assertEquals("msgr:postback:7010000000000002:" + T0.plusSeconds(1000).toEpochMilli() + ":"
                    + MetaKeys.hash("GET_STARTED"), only("messenger-postback-referral.json").dedupeKey());
        }

        @Test
        void adReferralWithoutMessageIsAReferral() {
            Interaction i = single("messenger-referral.json");
            assertEquals(InteractionKind.REFERRAL, i.kind());
            assertEquals(new Referral("bf26_pack_pro", "ADS", "OPEN_THREAD", "120210000000000061",
                    "https://scontent.xx.fbcdn.net/v/t45.1600-4/scrubbed_ad_creative.jpg", null,
                    "Pack Pro -30% ce week-end", "100000000000001_122100000000000177"), i.referral(),
                    "ads_context_data: ad_title is the headline, post_id the post");
            assertEquals("messenger:dm:100000000000001:7010000000000003", i.threadKey());
            long ms = T0.plusSeconds(1200).toEpochMilli() - 900;
            assertEquals("msgr:referral:7010000000000003:" + ms, only("messenger-referral.json").dedupeKey());
        }

        @Test
        void echoIsFromSelfAndThreadedOnTheCustomer() {
            Interaction i = single("messenger-echo.json");
            assertTrue(i.fromSelf());
            assertEquals(PAGE, i.author().id());
            assertEquals("messenger:dm:100000000000001:" + PSID, i.threadKey());
        }

        @Test
        void standbyItemsParseLikeMessagesWithAPrefixedKey() {
            List<ParsedItem> items = parse("messenger-standby.json");
            assertEquals(2, items.size());
            ParsedItem standby = items.get(0);
            ParsedItem primary = items.get(1);
            assertEquals("standby:msgr:dm:m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDAwNA", standby.dedupeKey());
            assertTrue(MetaWebhookParser.isStandby(standby));
            assertFalse(MetaWebhookParser.isStandby(primary));
            Interaction i = ((ParsedItem.Accepted) standby).interaction();
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals("messenger:dm:100000000000001:7010000000000004", i.threadKey());
            assertEquals("msgr:dm:m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDAwNQ", primary.dedupeKey());
        }

        @Test
        void readReceiptIsIgnoredAsReceipt() {
            ParsedItem.Ignored item = assertInstanceOf(ParsedItem.Ignored.class, only("messenger-read.json"));
            assertTrue(item.reason().startsWith("receipt"));
            assertEquals("msgr:read:" + PSID + ":" + (T0.plusSeconds(960).toEpochMilli() - 44), item.dedupeKey());
        }

        @Test
        void reactionIsIgnoredAsReaction() {
            ParsedItem.Ignored item = assertInstanceOf(ParsedItem.Ignored.class, only("messenger-reaction.json"));
            assertEquals("reaction: react love", item.reason());
            assertTrue(item.dedupeKey().startsWith("msgr:reaction:m_Zk9xR0VkT3FhbW1tX2NydWJiZWRfMDAwMDAwMDAwMDAwMDAwMw:"
                    + PSID + ":react:"));
        }
    }

    @Nested
    class Batches {

        @Test
        void malformedItemAndUnknownFieldAreQuarantinedWhileSiblingsParse() {
            List<ParsedItem> items = parse("mixed-batch-with-malformed.json");
            assertEquals(5, items.size());
            assertInstanceOf(ParsedItem.Accepted.class, items.get(0));
            ParsedItem.Quarantined malformed = assertInstanceOf(ParsedItem.Quarantined.class, items.get(1));
            assertTrue(malformed.reason().contains("from.id"), malformed.reason());
            assertTrue(malformed.rawJson().contains("17890000000000014"));
            ParsedItem.Quarantined unknown = assertInstanceOf(ParsedItem.Quarantined.class, items.get(2));
            assertTrue(unknown.reason().contains("story_insights"), unknown.reason());
            assertEquals(InteractionKind.DM, ((ParsedItem.Accepted) items.get(3)).interaction().kind());
            Interaction caption = ((ParsedItem.Accepted) items.get(4)).interaction();
            assertEquals(InteractionKind.MENTION, caption.kind());
            assertEquals("instagram:mention:17841400000000001:17918195200000042", caption.threadKey());
            assertEquals("ig:mention:17918195200000042:caption", items.get(4).dedupeKey());
        }

        @Test
        void thousandUpdatesSplitIntoThousandItems() {
            StringBuilder sb = new StringBuilder("{\"object\":\"instagram\",\"entry\":[");
            for (int e = 0; e < 10; e++) {
                sb.append(e == 0 ? "" : ",").append("{\"id\":\"17841400000000001\",\"time\":1795255200,\"changes\":[");
                for (int c = 0; c < 100; c++) {
                    sb.append(c == 0 ? "" : ",").append("{\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"65412300")
                            .append(e).append("\",\"username\":\"u").append(c).append("\"},\"media\":{\"id\":\"1791\"},")
                            .append("\"id\":\"1789").append(e * 1000 + c).append("\",\"text\":\"n").append(c).append("\"}}");
                }
                sb.append("]}");
            }
            List<ParsedItem> items = parser.parse(MetaFixtures.parse(sb.append("]}").toString()));
            assertEquals(1000, items.size());
            assertEquals(1000, items.stream().filter(i -> i instanceof ParsedItem.Accepted).count());
            assertEquals(1000, items.stream().map(ParsedItem::dedupeKey).distinct().count());
            assertEquals("ig:comment:17890:add", items.get(0).dedupeKey());
            assertEquals("ig:comment:17899099:add", items.get(999).dedupeKey());
        }

        @ParameterizedTest
        @MethodSource("dev.socialbridge.connector.meta.MetaWebhookParserTest#fixtures")
        void dedupeKeysAreStableAcrossParses(String fixture) {
            List<String> first = parse(fixture).stream().map(ParsedItem::dedupeKey).toList();
            List<String> again = parser.parse(MetaFixtures.parse(MetaFixtures.bytes(fixture)))
                    .stream().map(ParsedItem::dedupeKey).toList();
            assertEquals(first, again);
            assertEquals(first.size(), first.stream().distinct().count(), "keys unique within " + fixture);
        }

        @ParameterizedTest
        @MethodSource("dev.socialbridge.connector.meta.MetaWebhookParserTest#fixtures")
        void rawJsonOfEachItemReparsesToTheSameItem(String fixture) {
            for (ParsedItem item : parse(fixture)) {
                List<ParsedItem> again = parser.parse(MetaFixtures.parse(item.rawJson()));
                assertEquals(List.of(item), again, fixture);
            }
        }

        @ParameterizedTest
        @MethodSource("dev.socialbridge.connector.meta.MetaWebhookParserTest#fixtures")
        void everyFixtureParsesWithoutSurprises(String fixture) {
            for (ParsedItem item : parse(fixture)) {
                if (item instanceof ParsedItem.Quarantined q) {
                    assertEquals("mixed-batch-with-malformed.json", fixture, q.reason());
                }
            }
        }
    }

    @Nested
    class Envelope {

        @Test
        void unknownObjectIsOneQuarantinedItem() {
            List<ParsedItem> items = parser.parse(MetaFixtures.parse(
                    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}"));
            assertEquals(1, items.size());
            ParsedItem.Quarantined q = assertInstanceOf(ParsedItem.Quarantined.class, items.get(0));
            assertTrue(q.reason().contains("whatsapp_business_account"));
            assertTrue(q.dedupeKey().matches("meta:quarantine:[0-9a-f]{16}"));
        }

        @Test
        void bodyWithoutEntriesOrNotAnObjectIsQuarantined() {
            assertInstanceOf(ParsedItem.Quarantined.class, parser.parse(MetaFixtures.parse("{\"object\":\"page\"}")).get(0));
            assertInstanceOf(ParsedItem.Quarantined.class, parser.parse(MetaFixtures.parse("[1,2]")).get(0));
            assertInstanceOf(ParsedItem.Quarantined.class, parser.parse(null).get(0));
        }

        @Test
        void entryWithoutItemsIsQuarantined() {
            List<ParsedItem> items = parser.parse(MetaFixtures.parse(
                    "{\"object\":\"page\",\"entry\":[{\"id\":\"100000000000001\",\"time\":1795255200}]}"));
            assertTrue(assertInstanceOf(ParsedItem.Quarantined.class, items.get(0)).reason().contains("no changes"));
        }

        @Test
        void standbyOnlyCarryingSenderAndRecipientIsQuarantinedUnderAStandbyKey() {
            // microsoft/botbuilder-dotnet PayloadWithStandby.json shape (research notes Q3)
            List<ParsedItem> items = parser.parse(MetaFixtures.parse("{\"object\":\"page\",\"entry\":[{\"id\":\"page1\","
                    + "\"time\":1458692752478,\"standby\":[{\"sender\":{\"id\":\"user1\"},\"recipient\":{\"id\":\"page1\"}}],"
                    + "\"messaging\":[{\"sender\":{\"id\":\"0\"},\"recipient\":{\"id\":\"0\"},\"timestamp\":2222222,"
                    + "\"message\":{\"mid\":\"AAAA-BBBB-CCCC\",\"text\":\"text\"}}]}]}"));
            assertEquals(2, items.size());
            assertInstanceOf(ParsedItem.Quarantined.class, items.get(0));
            assertTrue(items.get(0).dedupeKey().startsWith("standby:meta:quarantine:"));
            assertEquals("msgr:dm:AAAA-BBBB-CCCC", items.get(1).dedupeKey());
        }

        @Test
        void dashboardTestShapeWithMessagingInChangesIsParsedAsAMessage() {
            List<ParsedItem> items = parser.parse(MetaFixtures.parse("{\"object\":\"instagram\",\"entry\":[{\"id\":\"0\","
                    + "\"time\":1795255200,\"changes\":[{\"field\":\"messages\",\"value\":{\"sender\":{\"id\":\"12334\"},"
                    + "\"recipient\":{\"id\":\"23245\"},\"timestamp\":\"1527459824\",\"message\":{\"mid\":\"random_mid\","
                    + "\"text\":\"random_text\"}}}]}]}"));
            Interaction i = assertInstanceOf(ParsedItem.Accepted.class, items.get(0)).interaction();
            assertEquals(InteractionKind.DM, i.kind());
            assertEquals("instagram:dm:0:12334", i.threadKey());
            assertEquals("ig:dm:random_mid", items.get(0).dedupeKey());
        }

        @Test
        void numericIdsBecomeStrings() {
            Interaction i = acceptedMessenger("{\"sender\":{\"id\":7010000000000001},\"recipient\":{\"id\":100000000000001},"
                    + "\"timestamp\":1795255200000,\"message\":{\"mid\":\"m_1\",\"text\":\"hi\"}}", "100000000000001");
            assertEquals("7010000000000001", i.author().id());
            assertEquals(PAGE, i.accountId());
        }

        @Test
        void wrongTypesAndMissingIdsAreQuarantinedWithAReason() {
            String ok = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":1795255200,\"message\":{\"mid\":\"m_ok\",\"text\":\"hi\"}}";
            String noMid = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":1795255200,\"message\":{\"text\":\"hi\"}}";
            String textObject = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":1795255200,\"message\":{\"mid\":\"m_2\",\"text\":{\"a\":1}}}";
            String noSender = "{\"recipient\":{\"id\":\"2\"},\"timestamp\":1795255200,\"message\":{\"mid\":\"m_3\"}}";
            String badTime = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":\"yesterday\",\"message\":{\"mid\":\"m_4\"}}";
            String optin = "{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":1795255200,\"optin\":{\"ref\":\"x\"}}";
            List<ParsedItem> items = parser.parse(MetaFixtures.parse("{\"object\":\"page\",\"entry\":[{\"id\":\"2\",\"messaging\":["
                    + String.join(",", ok, noMid, textObject, noSender, badTime, optin, "42") + "]}]}"));
            assertEquals(7, items.size());
            assertInstanceOf(ParsedItem.Accepted.class, items.get(0));
            assertReason(items.get(1), "message.mid missing");
            assertReason(items.get(2), "message.text is not a text value");
            assertReason(items.get(3), "sender missing");
            assertReason(items.get(4), "timestamp is not a timestamp");
            assertReason(items.get(5), "unknown messaging event");
            assertReason(items.get(6), "not an object");
        }

        @Test
        void missingEntryIdQuarantinesTheItem() {
            List<ParsedItem> items = parser.parse(MetaFixtures.parse("{\"object\":\"instagram\",\"entry\":[{\"time\":1795255200,"
                    + "\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"1\",\"from\":{\"id\":\"2\"},\"text\":\"x\"}}]}]}"));
            assertReason(items.get(0), "entry.id missing");
        }

        private void assertReason(ParsedItem item, String fragment) {
            ParsedItem.Quarantined q = assertInstanceOf(ParsedItem.Quarantined.class, item, item.toString());
            assertTrue(q.reason().contains(fragment), q.reason());
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "1795255200              | 2026-11-21T10:00:00Z",
            "1795255200123           | 2026-11-21T10:00:00.123Z",
            "'\"1795255200\"'        | 2026-11-21T10:00:00Z",
            "'\"1795255200123\"'     | 2026-11-21T10:00:00.123Z",
            "'\"2026-11-21T10:00:00+0000\"' | 2026-11-21T10:00:00Z",
            "'\"2026-11-21T11:00:00+01:00\"' | 2026-11-21T10:00:00Z",
            "'\"2026-11-21T10:00:00Z\"'     | 2026-11-21T10:00:00Z",
            "1795255200.5            | 2026-11-21T10:00:00.500Z",
        })
        void messagingTimestampsInSecondsMillisStringsAndIso(String json, String expected) {
            Interaction i = acceptedMessenger("{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"timestamp\":" + json
                    + ",\"message\":{\"mid\":\"m_1\"}}", "2");
            assertEquals(Instant.parse(expected), i.occurredAt());
        }

        @Test
        void entryTimeStandsInForAMissingItemTimestamp() {
            Interaction i = acceptedMessenger("{\"sender\":{\"id\":\"1\"},\"recipient\":{\"id\":\"2\"},\"message\":{\"mid\":\"m_1\"}}", "2");
            assertEquals(T0, i.occurredAt());
        }
    }

    @Nested
    class LoopGuard {

        @Test
        void senderThatIsOneOfOurAccountsIsFromSelfWithoutEchoFlag() {
            Interaction i = acceptedInstagramDm("{\"sender\":{\"id\":\"17841400000000001\"},\"recipient\":{\"id\":\"655\"},"
                    + "\"timestamp\":1795255200000,\"message\":{\"mid\":\"m_1\",\"text\":\"hello\"}}");
            assertTrue(i.fromSelf());
            assertEquals("instagram:dm:17841400000000001:655", i.threadKey());
        }

        @Test
        void echoFlagAsStringIsHonoured() {
            Interaction i = acceptedInstagramDm("{\"sender\":{\"id\":\"999\"},\"recipient\":{\"id\":\"655\"},"
                    + "\"timestamp\":\"1795255200000\",\"message\":{\"mid\":\"m_1\",\"is_echo\":\"true\"}}");
            assertTrue(i.fromSelf());
            assertEquals("instagram:dm:17841400000000001:655", i.threadKey());
        }

        @ParameterizedTest(name = "{0} -> fromSelf={1}")
        @CsvSource(delimiter = '|', value = {
            "{\"id\":\"17841400000000001\",\"username\":\"atelier.lumen\"}                   | true",
            "{\"self_ig_scoped_id\":\"17841400000000777\",\"username\":\"atelier.lumen\"}     | true",
            "{\"id\":\"6541\",\"self_ig_scoped_id\":\"6541\"}                                 | true",
            "{\"id\":\"6541\",\"self_ig_scoped_id\":\"17841400000000001\"}                    | true",
            "{\"id\":\"6541\",\"self_ig_scoped_id\":\"6542\"}                                 | false",
            "{\"id\":\"6541\",\"username\":\"claire.dmt\"}                                    | false",
        })
        void instagramCommentAuthorIsCheckedAgainstOwnIds(String from, boolean fromSelf) {
            List<ParsedItem> items = parser.parse(MetaFixtures.parse("{\"object\":\"instagram\",\"entry\":[{\"id\":\""
                    + IG_ACCOUNT + "\",\"time\":1795255200,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"1789\","
                    + "\"from\":" + from + ",\"media\":{\"id\":\"1791\"},\"text\":\"merci !\"}}]}]}"));
            Interaction i = assertInstanceOf(ParsedItem.Accepted.class, items.get(0)).interaction();
            assertEquals(fromSelf, i.fromSelf());
        }

        @Test
        void commentWithoutAnyAuthorIdIsQuarantined() {
            List<ParsedItem> items = parser.parse(MetaFixtures.parse("{\"object\":\"instagram\",\"entry\":[{\"id\":\""
                    + IG_ACCOUNT + "\",\"time\":1795255200,\"changes\":[{\"field\":\"comments\",\"value\":{\"id\":\"1789\","
                    + "\"text\":\"?\"}}]}]}"));
            assertInstanceOf(ParsedItem.Quarantined.class, items.get(0));
        }
    }

    private Interaction acceptedMessenger(String event, String pageId) {
        JsonNode body = MetaFixtures.parse("{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId
                + "\",\"time\":1795255200,\"messaging\":[" + event + "]}]}");
        return assertInstanceOf(ParsedItem.Accepted.class, parser.parse(body).get(0)).interaction();
    }

    private Interaction acceptedInstagramDm(String event) {
        JsonNode body = MetaFixtures.parse("{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + IG_ACCOUNT
                + "\",\"time\":1795255200,\"messaging\":[" + event + "]}]}");
        return assertInstanceOf(ParsedItem.Accepted.class, parser.parse(body).get(0)).interaction();
    }
}
