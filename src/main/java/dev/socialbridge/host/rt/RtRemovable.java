package dev.socialbridge.host.rt;

import dev.socialbridge.descriptor.Descriptor;
import java.util.List;

/**
 * A part of the RT workplace that {@code install} adds for the social queues and {@code uninstall} takes away again:
 * how RT shows and organizes the plugin's tickets (field groupings, priority names, page callbacks; saved searches,
 * dashboards, role groups), never the tickets, queues, custom fields or their values. {@link RtHostAdapter} keeps the
 * list of them that {@code uninstall} runs; a new part is one more entry in that list.
 */
interface RtRemovable {

    /**
     * Removes this part for the descriptor's queues, or with {@code dryRun} only says what it would remove. One
     * finding per thing removed (REMOVED / REMOVE), already gone (ABSENT) or not removable here (CONFLICT, with
     * what the admin runs instead). Never throws.
     */
    List<RtFinding> remove(Descriptor descriptor, boolean dryRun);
}
