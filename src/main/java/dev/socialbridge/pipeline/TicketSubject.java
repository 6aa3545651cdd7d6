package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Interaction;

/**
 * The subject of a ticket a social message opens: the customer's name ({@link CustomerName}), the channel and kind,
 * then an excerpt of the text, e.g. {@code @jane.doe [instagram dm]: Bonjour, ma commande…}. One line, no control
 * characters, at most {@value #MAX_CODE_POINTS} code points.
 */
public final class TicketSubject {
    /** Longest excerpt of the message, in code points. */
    static final int EXCERPT_CODE_POINTS = 80;
    /** Longest subject, in code points (name + channel + excerpt). */
    public static final int MAX_CODE_POINTS = 140;

    private TicketSubject() {
    }

    /** The subject of a ticket opened by {@code i}. */
    public static String of(Interaction i) {
        String excerpt = CustomerName.clean(i.text(), EXCERPT_CODE_POINTS);
        if (excerpt == null && !i.attachments().isEmpty()) {
            excerpt = "[" + i.attachments().get(0).type() + "]";
        }
        String subject = CustomerName.of(i.author()) + " [" + i.platform().id() + " " + i.kind().id().replace('_', ' ')
                + "]: " + (excerpt == null ? "" : excerpt);
        return CustomerName.clean(subject, MAX_CODE_POINTS);
    }
}
