package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.connector.Connectors;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.links.LinkCodes;
import dev.socialbridge.links.ThreadLinks;
import dev.socialbridge.rules.AutomationEngine;
import dev.socialbridge.rules.AutomationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code {link}} in automated replies: the thread's tracked link tagged with each reply's medium, or the fallback. */
class LinkTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-23T11:00:00Z");
    private static final ThreadLinks LINKS = new ThreadLinks(new LinkCodes("admin-token-0123456789"),
            "https://go.example.com/", "https://shop.example.com/offre");

    private static AutomationEngine engine() throws Exception {
        Path dir = Files.createTempDirectory("link-token");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - id: offer
                    when:
                      campaignTag: [bf26]
                    then:
                      - reply: offer
                      - privateReply: offer
                """);
        Path templates = Files.writeString(dir.resolve("templates.yaml"), """
                templates:
                  offer:
                    en:
                      answer: ["The offer: {link}", "Someone will send you the offer."]
                """);
        return AutomationEngine.load(rules, templates, AutomationSettings.defaults().withDisclosureEnabled(false),
                Connectors.unconfigured().actionPolicy());
    }

    private static Interaction comment() {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "acct", "instagram:comment:acct:c1", "c1",
                null, "post1", new Author("u1", "jane", "Jane Doe", 120L, false), "How much is it?", List.of(), null,
                null, NOW, false, null, null, 1);
    }

    private static List<String> replies(ThreadLinks links) throws Exception {
        ThreadState thread = ThreadState.fresh("instagram:comment:acct:c1").withCampaignTag("bf26");
        return new RuleBasedAutomation(engine(), "general", links).decide(comment(),
                        new Classification("en", "sales_lead", 0.9, "neutral", 0), thread,
                        new AutomationStep.AuthorFacts(null, 0), NOW)
                .replies().stream().map(r -> r.channel() + " " + r.message().text()).toList();
    }

    @Test
    void eachReplyGetsTheThreadsLinkTaggedWithItsMedium() throws Exception {
        String publicCode = LINKS.link("instagram:comment:acct:c1", "instagram", "bf26", ReplyChannel.PUBLIC, NOW).code();
        String privateCode = LINKS.link("instagram:comment:acct:c1", "instagram", "bf26", ReplyChannel.PRIVATE, NOW).code();
        assertEquals(List.of("PUBLIC The offer: https://go.example.com/r/" + publicCode,
                "PRIVATE The offer: https://go.example.com/r/" + privateCode), replies(LINKS));
        assertEquals("social_comment", LINKS.link("t", "instagram", "bf26", ReplyChannel.PUBLIC, NOW).utm().medium());
        assertEquals("social_dm", LINKS.link("t", "instagram", "bf26", ReplyChannel.PRIVATE, NOW).utm().medium());
        assertEquals("bf26", LINKS.link("t", "instagram", "bf26", ReplyChannel.DM, NOW).utm().campaign());
        assertEquals("instagram", LINKS.link("t", "instagram", "bf26", ReplyChannel.DM, NOW).utm().source());
    }

    @Test
    void withoutLinksTheTemplatesFallbackApplies() throws Exception {
        assertEquals(List.of("PUBLIC Someone will send you the offer.", "PRIVATE Someone will send you the offer."),
                replies(null));
    }

    @Test
    void theLinksInAReplyAreFoundToBeStored() {
        String text = "PS " + LINKS.url(LINKS.link("th", "instagram", "bf26", ReplyChannel.DM, NOW).code()) + " !";
        assertEquals(1, LINKS.linksIn(text, "th", "instagram", "bf26", NOW).size());
        assertEquals("th", LINKS.linksIn(text, "th", "instagram", "bf26", NOW).get(0).threadKey());
        assertTrue(LINKS.linksIn(text, "th", "instagram", "noel", NOW).isEmpty(), "another campaign's link");
        assertTrue(LINKS.linksIn("no link", "th", "instagram", "bf26", NOW).isEmpty());
    }
}
