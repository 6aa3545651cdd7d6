package dev.socialbridge.host.spi;

/**
 * A social author to find or create as a host contact.
 *
 * <p>With an {@code email}, the contact is the host's contact of that address (found by it, else created with it),
 * whichever social identity is given: this is how several social identities of one person end on one host contact.
 * Without one, it is the contact of the social identity.
 *
 * @param platform    platform id (instagram, facebook, ...)
 * @param userId      platform-scoped user id
 * @param handle      username without '@', nullable
 * @param displayName display name, nullable
 * @param email       the person's validated, lower-case email address, nullable
 * @param phone       the person's phone number in E.164 ({@code +33612345678}), nullable
 */
public record ContactUpsert(String platform, String userId, String handle, String displayName, String email,
                            String phone) {
    /**
     * The platform of a contact known only by an email address (a lead form): {@code userId} is the address, and the
     * host finds or creates its contact by that address (in RT, the user with that EmailAddress).
     */
    public static final String EMAIL = "email";

    /** A social identity without email or phone. */
    public ContactUpsert(String platform, String userId, String handle, String displayName) {
        this(platform, userId, handle, displayName, null, null);
    }

    /** Whether this contact is an email address rather than a social author. */
    public boolean byEmailAddress() {
        return EMAIL.equals(platform);
    }

    /** This contact with the person's email and phone (either may be null). */
    public ContactUpsert withDetails(String email, String phone) {
        return new ContactUpsert(platform, userId, handle, displayName, email, phone);
    }
}
