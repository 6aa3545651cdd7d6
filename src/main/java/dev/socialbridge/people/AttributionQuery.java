package dev.socialbridge.people;

import dev.socialbridge.kpi.KpiQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an attribution report covers: conversations whose first message, and conversions whose date, is in
 * {@code [from, to)}, grouped by a dimension of their touch, with one attribution model.
 *
 * @param from  start, inclusive
 * @param to    end, exclusive; after {@code from}
 * @param group the dimension
 * @param model the attribution model
 */
public record AttributionQuery(Instant from, Instant to, Group group, Model model) {

    public AttributionQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: '" + from + "' must be before to ('" + to + "')");
        }
    }

    /** The query with defaults: the 7 days up to now (this second included), by campaign, first touch. */
    public static AttributionQuery withDefaults(Instant from, Instant to, Group group, Model model, Instant now) {
        Instant end = to != null ? to : now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        return new AttributionQuery(from != null ? from : end.minus(KpiQuery.DEFAULT_WINDOW), end,
                group != null ? group : Group.CAMPAIGN, model != null ? model : Model.FIRST);
    }

    /** A touch dimension. */
    public enum Group {
        /** The touch's campaign. */
        CAMPAIGN,
        /** utm_source, else the touch's channel (instagram, messenger...). */
        SOURCE,
        /** utm_medium, else the signal type (ref, ad, ctwa, code, post, organic). */
        MEDIUM,
        /** The post or media id. */
        POST,
        /** The ad id. */
        AD,
        /** The creator of a creator code. */
        CREATOR,
        /** The reply templates automation sent in the touch's thread (audit {@code template_id}). */
        TEMPLATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The group named {@code value}; null or blank: null. @throws IllegalArgumentException naming parameter and value */
        public static Group of(String parameter, String value) {
            return parse(Group.class, values(), parameter, value);
        }
    }

    /** An attribution model. */
    public enum Model {
        /** All the credit to the first touch. */
        FIRST,
        /** All the credit to the last touch. */
        LAST,
        /** Equal credit to every touch. */
        LINEAR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The model named {@code value}; null or blank: null. @throws IllegalArgumentException naming parameter and value */
        public static Model of(String parameter, String value) {
            return parse(Model.class, values(), parameter, value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, E[] values, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException(parameter + ": '" + value + "' is not one of "
                + String.join(", ", Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
