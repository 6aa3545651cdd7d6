package dev.socialbridge.descriptor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A box of fields on the host's ticket page (RT: a {@code CustomFieldGroupings} grouping). Fields name their group
 * by key ({@link FieldDef#group()}); groups are shown in the order the descriptor lists them.
 *
 * @param key       stable key (conversation, understanding, lead, moderation, technical)
 * @param label     title of the box shown in the host
 * @param collapsed the box starts collapsed (fields a person rarely needs, e.g. internal ids)
 * @param hideEmpty the box lists only the fields that have a value (no "(no value)" rows); editing still lists all
 */
public record FieldGroupDef(String key, String label,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean collapsed,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean hideEmpty) {
}
