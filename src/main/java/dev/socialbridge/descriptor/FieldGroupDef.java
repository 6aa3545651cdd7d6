package dev.socialbridge.descriptor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A box of fields on the host's ticket page (RT: a {@code CustomFieldGroupings} grouping). Fields name their group
 * by key ({@link FieldDef#group()}); groups are shown in the order the descriptor lists them.
 *
 * @param key       stable key (conversation, understanding, lead, moderation, technical)
 * @param label     title of the box shown in the host
 * @param collapsed the box starts collapsed (fields a person rarely needs, e.g. internal ids)
 */
public record FieldGroupDef(String key, String label,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean collapsed) {
}
