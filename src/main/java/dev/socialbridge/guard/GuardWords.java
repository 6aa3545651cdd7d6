package dev.socialbridge.guard;

/**
 * The fixed words that change what automation may do, whatever the rules say. Matched on word
 * boundaries, ignoring case and accents ({@link WordList}).
 */
public final class GuardWords {

    /**
     * Opt-out: the author no longer wants automated messages. STOP/arrêt/désabonner/unsubscribe and
     * their common inflections ("désabonnez-moi", "je me suis désabonné").
     */
    public static final WordList OPT_OUT = WordList.of(
            "stop", "arrêt", "désabonner", "désabonnez", "désabonne", "désabonnement", "unsubscribe");

    /** Handoff: the author asks for a person. */
    public static final WordList HANDOFF = WordList.of(
            "agent", "humain", "humaine", "human", "real person", "vraie personne");

    private GuardWords() {
    }

    /** True when the folded text ({@link TextNormalizer#fold}) contains an opt-out word. */
    public static boolean isOptOut(String folded) {
        return OPT_OUT.matchesAny(folded);
    }

    /** True when the folded text ({@link TextNormalizer#fold}) asks for a human. */
    public static boolean isHandoff(String folded) {
        return HANDOFF.matchesAny(folded);
    }
}
