package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.interaction.Attachment;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customers' names and ticket subjects: who first, then channel and an excerpt; bounded, one line, no controls. */
class TicketSubjectTest {

    private static Interaction message(Platform platform, InteractionKind kind, Author author, String text) {
        return new Interaction(platform, kind, "acct", platform.id() + ":dm:acct:" + author.id(), "m1", null, null,
                author, text, List.of(), null, null, Instant.parse("2026-11-22T10:00:00Z"), false, null, null, 0L);
    }

    private static String subject(Author author, String text) {
        return TicketSubject.of(message(Platform.MESSENGER, InteractionKind.DM, author, text));
    }

    @Test
    void aUsernameLeads() {
        assertEquals("@lea.dubois [instagram dm]: Bonjour, ma commande n'est pas arrivée",
                TicketSubject.of(message(Platform.INSTAGRAM, InteractionKind.DM,
                        new Author("6541230000000003", "lea.dubois", "Léa Dubois", null, false),
                        "Bonjour, ma commande n'est pas arrivée")));
    }

    @Test
    void firstAndLastNameLeadWhenThereIsNoUsername() {
        assertEquals("Camille Martin [messenger dm]: Hi, where is my order?",
                subject(new Author("7010000000000001", null, "Camille Martin", null, false), "Hi, where is my order?"));
    }

    @Test
    void theIdLeadsOnlyWhenThePlatformNamedNobody() {
        assertEquals("7010000000000001 [messenger dm]: Bonjour", subject(Author.of("7010000000000001"), "Bonjour"));
        assertEquals("7010000000000001 [messenger dm]: Bonjour",
                subject(new Author("7010000000000001", " ", "\u0007\n", null, false), "Bonjour"));
    }

    @Test
    void accentsAndEmojiAreKept() {
        assertEquals("Zoé 🌸 Faure [telegram group message]: Ça marche 👍🏽",
                TicketSubject.of(message(Platform.TELEGRAM, InteractionKind.GROUP_MESSAGE,
                        new Author("42", null, "Zoé 🌸 Faure", null, false), "Ça marche 👍🏽")));
    }

    @Test
    void controlCharactersLineBreaksAndBidiOverridesAreDropped() {
        String s = subject(new Author("1", null, "Eve\u202E lin\u0000k\r\nEvil", null, false), "a\tb\u2028c\u0085d");
        assertEquals("Eve lin k Evil [messenger dm]: a b c d", s);
        assertTrue(s.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL), s);
    }

    @Test
    void aVeryLongNameIsCutWithAnEllipsisWithoutBreakingAnEmoji() {
        String name = "Jean-Baptiste Emmanuel Zorg de la Fontaine-Saint-Exupéry 👨‍👩‍👧";
        String who = CustomerName.of(new Author("1", null, name, null, false));
        assertEquals(CustomerName.MAX_CODE_POINTS, who.codePointCount(0, who.length()));
        assertTrue(who.endsWith("…"), who);
        assertTrue(who.startsWith("Jean-Baptiste Emmanuel Zorg"), who);
        String family = CustomerName.of(new Author("1", null, "x".repeat(36) + "👨‍👩‍👧‍👦", null, false));
        assertFalse(family.contains("\u200D…"), "no dangling joiner: " + family);
        assertFalse(Character.isHighSurrogate(family.charAt(family.length() - 2)), family);
    }

    @Test
    void theSubjectIsBoundedAndTheExcerptCut() {
        String s = subject(new Author("1", "a".repeat(200), null, null, false), "mot ".repeat(100));
        assertTrue(s.codePointCount(0, s.length()) <= TicketSubject.MAX_CODE_POINTS, s);
        assertTrue(s.startsWith("@aaaa"), s);
        assertTrue(s.contains("[messenger dm]: mot mot"), s);
        assertTrue(s.endsWith("…"), s);
    }

    @Test
    void aMessageWithOnlyAFileNamesItsType() {
        Interaction i = new Interaction(Platform.WHATSAPP, InteractionKind.DM, "acct", "whatsapp:dm:acct:33612345678",
                "m1", null, null, new Author("33612345678", null, "Sheena Nelson", null, false), "",
                List.of(Attachment.link("image", "https://example.org/a.jpg")), null, null,
                Instant.parse("2026-11-22T10:00:00Z"), false, null, null, 0L);
        assertEquals("Sheena Nelson [whatsapp dm]: [image]", TicketSubject.of(i));
    }

    @Test
    void aHandleAlreadyWrittenWithAnAtIsNotDoubled() {
        assertEquals("@jane", CustomerName.of(new Author("1", "@jane", null, null, false)));
    }

    @Test
    void profileLinksOnlyForWellFormedIdentities() {
        assertEquals("https://www.instagram.com/lea.dubois/", ProfileLinks.of(message(Platform.INSTAGRAM, InteractionKind.DM,
                new Author("1", "lea.dubois", null, null, false), "x")));
        assertEquals("https://t.me/camille_m", ProfileLinks.of(message(Platform.TELEGRAM, InteractionKind.DM,
                new Author("42", "camille_m", null, null, false), "x")));
        assertEquals("https://wa.me/33612345678", ProfileLinks.of(message(Platform.WHATSAPP, InteractionKind.DM,
                new Author("33612345678", null, null, null, false), "x")));
        assertEquals(null, ProfileLinks.of(message(Platform.WHATSAPP, InteractionKind.DM,
                new Author("US.13491208655302741918", null, null, null, false), "x")));
        assertEquals(null, ProfileLinks.of(message(Platform.INSTAGRAM, InteractionKind.DM,
                new Author("1", "lea\"><script>", null, null, false), "x")));
        assertEquals(null, ProfileLinks.of(message(Platform.MESSENGER, InteractionKind.DM, Author.of("7010000000000001"), "x")));
    }
}
