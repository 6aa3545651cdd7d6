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
}
