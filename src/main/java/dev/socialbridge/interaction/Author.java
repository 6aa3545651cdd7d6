package dev.socialbridge.interaction;

/**
 * The person (or page) behind an interaction, as far as the platform tells us.
 *
 * @param id            platform-scoped user id (IGSID, PSID, page-scoped id...), never null
 * @param handle        username without '@', or null when the platform does not send it
 * @param displayName   display name, or null
 * @param followerCount follower count when known, else null
 * @param verified      whether the platform marks the account verified (false when unknown)
 */
public record Author(String id, String handle, String displayName, Long followerCount, boolean verified) {
    public Author {
        java.util.Objects.requireNonNull(id, "author id");
    }

    /** A copy with a known follower count. */
    public Author withFollowerCount(long followers) {
        return new Author(id, handle, displayName, followers, verified);
    }

    /** A copy with the name and username a platform lookup gave (either may be null: then kept as it was). */
    public Author withProfile(String name, String username) {
        return new Author(id, username != null ? username : handle, name != null ? name : displayName, followerCount,
                verified);
    }

    public static Author of(String id) {
        return new Author(id, null, null, null, false);
    }
}
