package dev.socialbridge.pipeline;

import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import java.util.regex.Pattern;

/**
 * The public address of a customer's profile, where the platform has one that the author's id or username gives:
 * {@code https://www.instagram.com/<username>/}, {@code https://t.me/<username>}, {@code https://wa.me/<phone>}.
 * Messenger and Facebook give page-scoped ids that open no profile: none. Only well-formed usernames and numbers
 * become addresses, so a value never carries anything but the identity.
 */
public final class ProfileLinks {
    private static final Pattern INSTAGRAM_USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern TELEGRAM_USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern PHONE_DIGITS = Pattern.compile("[1-9][0-9]{6,14}");

    private ProfileLinks() {
    }

    /** The profile address of the interaction's author, or null. */
    public static String of(Interaction i) {
        Author a = i.author();
        String handle = a.handle() == null ? null : a.handle().startsWith("@") ? a.handle().substring(1) : a.handle();
        return switch (i.platform()) {
            case INSTAGRAM -> handle != null && INSTAGRAM_USERNAME.matcher(handle).matches()
                    ? "https://www.instagram.com/" + handle + "/" : null;
            case TELEGRAM -> handle != null && TELEGRAM_USERNAME.matcher(handle).matches() ? "https://t.me/" + handle : null;
            case WHATSAPP -> {
                String digits = a.id().startsWith("+") ? a.id().substring(1) : a.id();
                yield PHONE_DIGITS.matcher(digits).matches() ? "https://wa.me/" + digits : null;
            }
            default -> null;
        };
    }
}
