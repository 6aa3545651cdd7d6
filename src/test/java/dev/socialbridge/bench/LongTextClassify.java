package dev.socialbridge.bench;

import dev.socialbridge.classify.Classification;
import dev.socialbridge.classify.SocialClassifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost of classifying long social texts (on demand, not a test): the 1,460-byte Instagram ad comment of the pipeline
 * bench and variants of it from ~200 to 4,000 characters, on one thread after a warm-up (half the time); prints the thread's CPU µs per text (steadier than wall time on a
 * shared machine) and wall µs. With
 * {@code --dump FILE JSONL...} it instead writes the classification of every text of the given JSON-lines files
 * ({@code "text"} field) and of the long variants, one per line, so that two builds can be compared line by line.
 * Usage: {@code LongTextClassify [SECONDS]} or {@code LongTextClassify --dump OUT FILE...}.
 */
public final class LongTextClassify {
    private static final Pattern TEXT = Pattern.compile("\"text\": *\"((?:[^\"\\\\]|\\\\.)*)\"");

    private LongTextClassify() {
    }

    public static void main(String[] args) throws IOException {
        SocialClassifier classifier = SocialClassifier.loadDefault();
        List<String> longTexts = longTexts();
        if (args.length > 0 && args[0].equals("--dump")) {
            dump(classifier, longTexts, Path.of(args[1]), List.of(args).subList(2, args.length));
            return;
        }
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        String comment = longTexts.get(0);
        time(classifier, List.of(comment), seconds / 2, "the 1,460-byte bench comment (" + comment.length() + " chars)");
        time(classifier, longTexts, seconds / 2, longTexts.size() + " long variants (200-4,000 chars)");
    }

    private static void time(SocialClassifier classifier, List<String> texts, double seconds, String what) {
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int sink = 0;
        while (System.nanoTime() < warmEnd) {
            for (String t : texts) {
                sink += classifier.classify(t).intent().length();
            }
        }
        long n = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 0.5e9);
        long now;
        do {
            for (String t : texts) {
                sink += classifier.classify(t).intent().length();
            }
            n += texts.size();
            now = System.nanoTime();
        } while (now < end);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        System.out.printf("%-60s %8.1f µs/text CPU, %8.1f wall  (%d texts, sink %d)%n", what, cpu / 1e3 / n,
                (now - t0) / 1e3 / n, n, sink % 10);
    }

    public static List<String> longTexts() throws IOException {
        String json = Files.readString(Path.of("test-fixtures/inbound/meta/ig-comment-1500b.json"));
        Matcher m = TEXT.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no text in the bench fixture");
        }
        String comment = unescape(m.group(1));
        List<String> out = new ArrayList<>();
        out.add(comment);
        String[] extra = {" Franchement c'est nul, je veux être remboursée !!! ", " LOVE IT 😍😍 thanks a lot ",
            " Check my page www.free-followers.xyz for FREE followers ", " vous êtes des idiots 😡 ",
            " Where is my order #12345? It's been 3 weeks... ", " Appelez-moi au 06 12 34 56 78 ou camille@example.fr "};
        for (int k = 0; k < 30; k++) {
            StringBuilder b = new StringBuilder();
            int target = 200 + k * 130;
            int i = 0;
            while (b.length() < target) {
                b.append(i % 2 == 0 ? comment.substring(0, Math.min(comment.length(), 150 + 37 * k % 500))
                        : extra[(i + k) % extra.length]);
                i++;
            }
            out.add(b.toString());
        }
        return out;
    }

    private static void dump(SocialClassifier classifier, List<String> longTexts, Path out, List<String> files)
            throws IOException {
        List<String> texts = new ArrayList<>(longTexts);
        for (String f : files) {
            for (String line : Files.readAllLines(Path.of(f), StandardCharsets.UTF_8)) {
                Matcher m = TEXT.matcher(line);
                if (m.find()) {
                    String t = unescape(m.group(1));
                    texts.add(t);
                    texts.add(t + " " + t + " " + t);
                }
            }
        }
        try (PrintStream p = new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
            for (String t : texts) {
                Classification c = classifier.classify(t);
                p.println(c.lang() + " " + c.intent() + " " + c.intentConfidence() + " " + c.sentiment() + " "
                        + c.sentimentScore());
            }
        }
        System.out.println(texts.size() + " classifications written to " + out);
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
