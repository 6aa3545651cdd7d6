package dev.socialbridge.host.spi;

import java.util.List;

/**
 * One page of {@link HostEvent}s.
 *
 * @param events   the events after the cursor, oldest first
 * @param position where the next read resumes: past every host record looked at, including those that were not
 *                 events (the plugin's own writes, other changes)
 */
public record HostEvents(List<HostEvent> events, long position) {
    public HostEvents {
        events = List.copyOf(events);
    }
}
