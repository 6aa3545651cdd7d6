package dev.socialbridge.bench;

import dev.socialbridge.connector.Connectors;
import dev.socialbridge.classify.Classification;
import dev.socialbridge.classify.SocialClassifier;
import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.rules.AutomationEngine;
import dev.socialbridge.rules.AutomationSettings;
import dev.socialbridge.rules.Decision;
import dev.socialbridge.rules.ThreadFacts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the automation hot path per interaction on one thread: classification plus the
 * default rule pack ({@link #classifyAndDecide}), and the rules alone ({@link #decideOnly}). Target:
 * at least 20 000 interactions/s per core for classify + rules. Run with
 * {@code java -cp target/test-classes:$(cat target/test-classpath.txt) dev.socialbridge.bench.ClassifyRulesBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifyRulesBenchmark {

    private static final Instant NOW = Instant.parse("2025-06-11T08:00:00Z");

    private SocialClassifier classifier;
    private AutomationEngine engine;
    private Interaction[] interactions;
    private Classification[] classifications;
    private ThreadFacts facts;
    private int next;

    @Setup
    public void setup() {
        classifier = SocialClassifier.loadDefault();
        engine = AutomationEngine.loadDefaults(AutomationSettings.defaults().withBrand("Maison Lune"), Connectors.unconfigured().actionPolicy());
        facts = new ThreadFacts(true, 0, 1, null, null, Map.of("first_name", "Camille"));
        List<String> texts = BenchmarkMessages.all();
        interactions = new Interaction[texts.size()];
        classifications = new Classification[texts.size()];
        for (int i = 0; i < interactions.length; i++) {
            InteractionKind kind = i % 3 == 0 ? InteractionKind.DM : InteractionKind.COMMENT;
            Author author = new Author("author-" + i, "user" + i, null, (long) (i * 137 % 20_000), false);
            interactions[i] = new Interaction(i % 2 == 0 ? Platform.INSTAGRAM : Platform.FACEBOOK, kind, "page-1",
                    "thread-" + i, "item-" + i, null, "post-1", author, texts.get(i), List.of(), null, null, NOW, false, null, null, 0);
            classifications[i] = classifier.classify(texts.get(i));
        }
    }

    @Benchmark
    public Decision classifyAndDecide() {
        Interaction in = interactions[nextIndex()];
        return engine.decide(in, classifier.classify(in.text()), facts, NOW);
    }

    @Benchmark
    public Decision decideOnly() {
        int i = nextIndex();
        return engine.decide(interactions[i], classifications[i], facts, NOW);
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == interactions.length ? 0 : i + 1;
        return i;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ClassifyRulesBenchmark.class.getSimpleName()).build()).run();
    }

    /** About 200 realistic French and English social messages written for this benchmark. */
    static final class BenchmarkMessages {

        private static final String[] PRODUCTS = {"la bougie Lune", "the Lune candle", "le coffret", "the gift box", "le parfum n°5"};

        private static final String[] FR = {
                "C'est combien {p} ?", "Vous livrez en Belgique ? Je voudrais commander {p}", "Je peux avoir un devis pour 50 pièces ?",
                "Dispo en taille M ?", "Vous avez un code promo ?", "Ma commande n'est toujours pas arrivée, ça fait 10 jours",
                "Je n'arrive pas à me connecter à mon compte", "Le colis est arrivé abîmé 😡", "Je veux être remboursée, le produit ne marche pas",
                "Comment annuler ma commande ?", "Trop beau {p} 😍", "Merci pour votre accueil au magasin, super équipe !",
                "J'adore ❤️", "Service client inexistant, plus jamais", "Vous êtes ouverts le dimanche ?", "Où se trouve la boutique la plus proche ?",
                "Je veux parler à un humain", "STOP", "désabonnez-moi svp", "Suivez-moi pour gagner des followers gratuits !!!",
                "t'es vraiment un gros nul", "@marie regarde ça", "mdr", "Quel est le délai de livraison pour Paris ?",
                "Bonjour, une question sur {p} : il est vegan ?", "Livraison rapide, produit conforme, merci !",
                "Ça fait trois fois que j'écris, personne ne répond...", "Vous faites des démos en boutique ?",
                "Je souhaite retourner {p}, comment faire ?", "Magnifique collection cette année 👏",
        };

        private static final String[] EN = {
                "How much is {p}?", "Do you ship to Canada? I'd like to order {p}", "Can I get a quote for 200 units?",
                "Is this available in blue?", "Any discount code for students?", "My order still hasn't arrived after two weeks",
                "I can't log into my account", "The package arrived damaged", "I want a refund, this doesn't work",
                "How do I cancel my order?", "Love {p} 😍", "Thanks for the quick help yesterday, great team!",
                "Amazing ❤️", "Worst customer service ever, never again", "Are you open on Sundays?", "Where is your nearest store?",
                "Can I talk to a human please", "unsubscribe", "STOP messaging me", "Check my channel for free followers!!! link in bio",
                "you are all idiots", "@jake look at this", "lol", "What's the delivery time to London?",
                "Quick question about {p}: is it vegan?", "Fast delivery, exactly as described, thank you!",
                "Third time writing, nobody answers...", "Do you do demos for companies?",
                "I'd like to return {p}, how?", "Beautiful collection this year 👏",
        };

        static List<String> all() {
            List<String> out = new ArrayList<>();
            for (int round = 0; out.size() < 200; round++) {
                String[] pool = round % 2 == 0 ? FR : EN;
                for (int i = 0; i < pool.length && out.size() < 200; i++) {
                    String text = pool[i].replace("{p}", PRODUCTS[(i + round) % PRODUCTS.length]);
                    out.add(round < 2 ? text : variant(text, round));
                }
            }
            return out;
        }

        /** Later rounds vary casing, punctuation and length the way real comments do. */
        private static String variant(String text, int round) {
            return switch (round % 4) {
                case 0 -> text.toLowerCase(java.util.Locale.ROOT);
                case 1 -> text + " " + text;
                case 2 -> text.replace("?", " ??").replace("!", "!!!");
                default -> "Bonjour/Hi " + text + " 🙏";
            };
        }
    }
}
