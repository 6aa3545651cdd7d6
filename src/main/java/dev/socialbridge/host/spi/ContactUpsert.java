package dev.socialbridge.host.spi;

/**
 * A social author to find or create as a host contact.
 *
 * @param platform    platform id (instagram, facebook, ...)
 * @param userId      platform-scoped user id
 * @param handle      username without '@', nullable
 * @param displayName display name, nullable
 */
public record ContactUpsert(String platform, String userId, String handle, String displayName) {
    /**
     * The platform of a contact known only by an email address (a lead form): {@code userId} is the address, and the
     * host finds or creates its contact by that address (in RT, the user with that EmailAddress).
     */
    public static final String EMAIL = "email";

    /** Whether this contact is an email address rather than a social author. */
    public boolean isEmail() {
        return EMAIL.equals(platform);
    }
}
