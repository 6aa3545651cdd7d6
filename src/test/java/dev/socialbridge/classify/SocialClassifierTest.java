package dev.socialbridge.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocialClassifierTest {
    private static final SocialClassifier CLASSIFIER = SocialClassifier.loadDefault();

    /** Examples written for this test (not taken from the dev set), a few per intent and language. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Bonjour, il coûte combien le manteau beige ? | sales_lead",
        "vous livrez en Belgique ? | sales_lead",
        "how much for the leather boots in size 9? | sales_lead",
        "do you ship to Australia? | sales_lead",
        "ma commande 558812 n'est toujours pas arrivée, vous pouvez regarder ? | support",
        "je n'arrive plus à me connecter à mon compte | support",
        "my package says delivered but it's not here, can you help? | support",
        "I can't log into my account since the update | support",
        "je veux être remboursé, le colis n'est jamais arrivé | refund_cancel",
        "je veux annuler ma commande svp | refund_cancel",
        "please cancel my subscription | refund_cancel",
        "I want a refund for this broken blender | refund_cancel",
        "Service client lamentable, plus jamais chez vous | complaint",
        "the worst customer service I have ever seen, so disappointed | complaint",
        "Great job losing my luggage, thanks a lot @delta | complaint",
        "thanks for nothing, stuck on hold for 2 hours | complaint",
        "bravo, encore en retard, on a perdu la matinée | complaint",
        "merci beaucoup pour votre aide, super service ! | praise",
        "trop de la balle ce nouveau modèle 😍 | praise",
        "thank you so much, you guys rock! | praise",
        "Thanks again for your help, never had such a quick answer! | praise",
        "this is sick 🔥 | praise",
        "c'est quoi la musique de la vidéo ? | question",
        "what song is this? | question",
        "Abonnez-vous à ma chaîne, je m'abonne en retour !! | spam",
        "check out my channel and subscribe 🔥 | spam",
        "ferme ta gueule sale con | toxic",
        "shut up you stupid bitch | toxic",
        "bonne nuit tout le monde | other",
        "happy friday everyone | other",
    })
    void classifiesTypicalMessages(String text, String intent) {
        assertEquals(intent, CLASSIFIER.classify(text).intent(), text);
    }

    /** Tester report (v4): insults and threats aimed at the brand were classified question/neutral. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "votre service client c'est de la merde | toxic",
        "bande d'escrocs je vais vous retrouver | toxic",
        "je vais brûler votre magasin | toxic",
        "vous êtes des voleurs et des incapables | toxic",
        "allez vous faire foutre avec vos promos | toxic",
        "you thieving bastards, I will find you | toxic",
        "je vais porter plainte contre vous, c'est une arnaque | complaint",
        "I'm filing a complaint with the BBB, this is unacceptable | complaint",
        "Merci pour rien, toujours pas de colis, super le service | complaint",
    })
    void separatesAbuseOfTheBrandFromComplaints(String text, String intent) {
        Classification c = CLASSIFIER.classify(text);
        assertEquals(intent, c.intent(), text);
        assertEquals("negative", c.sentiment(), text);
    }

    /** A false spam/toxic verdict hides a real customer: these must never be spam or toxic. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "this is sick 🔥", "trop de la balle", "je veux arrêter mon abonnement", "putain c'est trop bon 😍",
        "this cake is the shit lol", "killing it as usual 👏", "merde, mon colis est encore en retard",
        "my order never arrived, please DM me", "check my order status please", "how do I follow my parcel?",
        "je veux me désabonner de la newsletter", "stupid app crashed again", "la douche de l'hôtel fuit",
        "je me suis abonnée à votre chaîne hier, trop bien", "what's the link to your website?",
        "Sale d'hiver : vous avez encore le manteau ?", "ma chienne adore vos croquettes", "your mom will love this gift",
        "crypto payments accepted?", "c'est con, j'ai raté la livraison",
        "@united you clowns lost my bag AGAIN. pathetic.", "je suis crevé ce soir", "mon pneu est crevé",
        "Je vais vous retrouver en magasin samedi", "le jeu des gendarmes et des voleurs",
    })
    void doesNotFlagOrdinaryMessagesAsSpamOrToxic(String text) {
        String intent = CLASSIFIER.classify(text).intent();
        assertNotEquals("spam", intent, text);
        assertNotEquals("toxic", intent, text);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Bonjour, je n'ai pas reçu ma commande | fr",
        "merci beaucoup, c'est parfait | fr",
        "ptdr t'es grave toi | fr",
        "Where is my order? It's been two weeks | en",
        "thank you so much guys | en",
        "lol same | en",
        "¿Dónde está mi pedido? Gracias por la ayuda | other",
        "Где мой заказ? | other",
        "😂😂😂 | other",
    })
    void detectsLanguage(String text, String lang) {
        assertEquals(lang, CLASSIFIER.classify(text).lang(), text);
    }

    @Test
    void givesOtherForEmptyText() {
        for (String text : new String[] {null, "", "   ", "\n"}) {
            Classification c = CLASSIFIER.classify(text);
            assertEquals("other", c.lang());
            assertEquals("other", c.intent());
            assertEquals("neutral", c.sentiment());
        }
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Merci beaucoup, vous êtes géniaux 😍 | positive",
        "love it, best purchase ever | positive",
        "Service nul, je suis très déçue 😡 | negative",
        "worst airline ever, never again | negative",
        "Great job losing my luggage, thanks a lot @delta | negative",
        "ma commande 12345 est partie ? | negative",
        "c'est quoi la différence entre un parfum et une eau de toilette ? | neutral",
        "can you dm me why my order got canceled? thanks | negative",
    })
    void scoresSentiment(String text, String sentiment) {
        Classification c = CLASSIFIER.classify(text);
        assertEquals(sentiment, c.sentiment(), text);
        assertTrue(c.sentimentScore() >= -1 && c.sentimentScore() <= 1);
    }

    @Test
    void neverThrowsAndKeepsScoresInRange() {
        String[] odd = {"\u0000\uFFFF\uD800", "x".repeat(100_000), "@@@@ ### !!! ???", "http://", "&#999999999;",
            "<<<<br", "🔥".repeat(5000), "a\u0301\u0301\u0301", "\uD83D", "&", "ééééééééééééé", "12345678901234567890"};
        for (String text : odd) {
            Classification c = CLASSIFIER.classify(text);
            assertNotNull(c.intent());
            assertTrue(c.intentConfidence() >= 0 && c.intentConfidence() <= 1, text);
            assertTrue(c.sentimentScore() >= -1 && c.sentimentScore() <= 1, text);
        }
    }

    @Test
    void givesTheSameAnswersFromManyThreads() throws Exception {
        List<String> texts = IntStream.range(0, 400).mapToObj(i -> List.of("je veux être remboursé " + i,
                "how much is it? " + i, "ta gueule " + i, "merci " + i).get(i % 4)).toList();
        List<Classification> expected = texts.stream().map(CLASSIFIER::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Classification>>> runs = IntStream.range(0, 4)
                    .mapToObj(k -> pool.submit(() -> texts.stream().map(CLASSIFIER::classify).toList())).toList();
            for (Future<List<Classification>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void addsAdminKeywordsToTheDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keywords.txt");
        Files.writeString(file, "# our own spam\nspam:3 super promo casino\n", StandardCharsets.UTF_8);
        SocialClassifier withAdmin = SocialClassifier.load(file);
        assertEquals("spam", withAdmin.classify("Super promo casino ce soir").intent());
        assertNotEquals("spam", CLASSIFIER.classify("Super promo casino ce soir").intent());
        assertEquals("refund_cancel", withAdmin.classify("je veux être remboursé").intent());
    }

    @Test
    void rejectsAnInvalidAdminFileNamingFileLineAndProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "spam ok words\nsupport:abc help\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SocialClassifier.load(file));
        assertEquals(file + " line 2: weight 'abc' is not a number", e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> SocialClassifier.load(dir.resolve("nope.txt")));
        assertTrue(missing.getMessage().contains("nope.txt"), missing.getMessage());
    }
}
