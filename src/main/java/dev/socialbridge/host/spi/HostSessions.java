package dev.socialbridge.host.spi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host's web sessions, for pages the plugin serves to the host's users (the report page): who is logged in to
 * the host in the browser that sent these cookies. A host whose session cookies reach the plugin (same host name:
 * browsers do not scope cookies by port) can vouch for its users this way.
 */
public interface HostSessions {
    /** Whether a cookie of this name is one of the host's session cookies (only those are sent to the host). */
    boolean isSessionCookie(String name);

    /**
     * The user of the session these cookies (the host's own, by name) belong to; empty when they are not a live session.
     * Asks the host: the caller caches the answer.
     *
     * @throws HostException when the host cannot be reached
     */
    Optional<SessionUser> user(Map<String, String> cookies);

    /**
     * A host user, as the host sees them.
     *
     * @param name       the user's login name
     * @param privileged whether the user is staff (in RT: privileged), not a customer
     * @param superUser  whether the user has every right (in RT: SuperUser)
     * @param groups     the names of the user-defined groups the user belongs to
     */
    record SessionUser(String name, boolean privileged, boolean superUser, Set<String> groups) {
        public SessionUser {
            groups = Set.copyOf(groups);
        }
    }
}
