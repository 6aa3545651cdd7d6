package dev.socialbridge.host.rt;

import static dev.socialbridge.host.rt.RtRoles.label;
import static dev.socialbridge.host.rt.RtRoles.queueLabels;
import static dev.socialbridge.host.rt.RtRoles.queueList;
import static dev.socialbridge.host.rt.RtRoles.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldKeys;
import java.util.List;

/**
 * The saved searches (TicketSQL, columns, charts) shared with each role's group, built from the descriptor's queue
 * and field names. Dates use forms RT parses ({@code 'now'}, {@code '+1 hour'}, {@code 'today 00:00'},
 * {@code 'monday this week'}), so the searches move with time.
 */
final class RtRoleSearches {
    static final String ACTIVE = "Status = '__Active__'";
    static final String MINE = "Owner = '__CurrentUser__'";
    private static final String COLUMNS = "'<b><a href=\"__WebPath__/Ticket/Display.html?id=__id__\">__id__</a></b>/TITLE:#',"
            + " '<b><a href=\"__WebPath__/Ticket/Display.html?id=__id__\">__Subject__</a></b>/TITLE:Subject',"
            + " '__QueueName__', '__Status__', '__OwnerName__', '__Priority__', '__DueRelative__'";

    private RtRoleSearches() {
    }

    /** The role's searches, in dashboard order: {@code {name, type, content}} each. */
    static List<ObjectNode> of(RtRoles.Role role, Descriptor d) {
        String channel = label(d, FieldKeys.SOCIAL_CHANNEL);
        return switch (role) {
            case SALES -> {
                String score = label(d, FieldKeys.LEAD_SCORE);
                String queues = queueList(queueLabels(d, role.queues));
                yield List.of(
                        ticket("My hot leads", MINE + " AND " + ACTIVE + " AND (" + queueList(queueLabels(d, List.of(RtRoles.HOT_LEADS_QUEUE)))
                                        + " OR " + atLeast(score, RtRoles.HIGH_LEAD_SCORE) + ")",
                                columns(channel, score), "Due", "ASC"),
                        chart("New leads by campaign this week", "(" + queues + " OR 'CF.{" + label(d, FieldKeys.INTENT)
                                + "}' = 'sales_lead') AND Created >= 'monday this week'", label(d, FieldKeys.CAMPAIGN_TAG)));
            }
            case SUPPORT -> {
                String queues = queueList(queueLabels(d, role.queues));
                yield List.of(
                        ticket("My open social tickets", MINE + " AND " + ACTIVE + " AND " + queues,
                                columns(channel, null), "Due", "ASC"),
                        ticket("Breaching within the hour", ACTIVE + " AND " + queues + " AND Due >= 'now' AND Due < '+1 hour'",
                                columns(channel, null), "Due", "ASC"),
                        ticket("Breached today", ACTIVE + " AND " + queues + " AND Due < 'now' AND Due >= 'today 00:00'",
                                columns(channel, null), "Due", "ASC"));
            }
            case ADMINS -> List.of(
                    ticket("Hides awaiting review", ACTIVE + " AND " + queueList(queueLabels(d, List.of(RtRoles.MODERATION_QUEUE))),
                            columns(channel, null), "Created", "ASC"),
                    ticket("Tickets from dead-lettered deliveries", "'CF.{" + label(d, FieldKeys.DELIVERY_STATUS) + "}' = "
                            + quote(FieldKeys.DEAD_LETTERED), columns(channel, null), "LastUpdated", "DESC"),
                    chart("Volume by channel", queueList(queueLabels(d, role.queues)) + " AND Created >= '-30 days'", channel));
        };
    }

    /**
     * {@code field >= min} for a whole-number field of 0-100 (RT 5.0.3 compares custom field values as text): the
     * two-digit values from {@code min} to 99 (as text, which also matches the one-digit values above {@code min}'s
     * first digit: those are excluded), or 100.
     */
    static String atLeast(String field, int min) {
        if (min < 10 || min > 99) {
            throw new IllegalArgumentException("min must have two digits: " + min);
        }
        String cf = "'CF.{" + field + "}'";
        StringBuilder b = new StringBuilder("(" + cf + " = '100' OR (" + cf + " >= '" + min + "' AND " + cf + " <= '99'");
        for (int digit = min / 10 + 1; digit <= 9; digit++) {
            b.append(" AND ").append(cf).append(" != '").append(digit).append("'");
        }
        return b.append("))").toString();
    }

    private static String columns(String channel, String score) {
        return COLUMNS + ", '__CustomField.{" + channel + "}__'" + (score == null ? "" : ", '__CustomField.{" + score + "}__'");
    }

    private static ObjectNode ticket(String name, String query, String format, String orderBy, String order) {
        ObjectNode s = RtClient.JSON.createObjectNode().put("name", name).put("type", "Ticket");
        s.putObject("content").put("Query", query).put("Format", format).put("OrderBy", orderBy).put("Order", order)
                .put("RowsPerPage", 50);
        return s;
    }

    /** A chart of the query's tickets counted by a field, as RT's chart builder saves it (bar, table and query). */
    private static ObjectNode chart(String name, String query, String groupByField) {
        ObjectNode s = RtClient.JSON.createObjectNode().put("name", name).put("type", "Chart");
        ObjectNode c = s.putObject("content").put("Query", query).put("ChartStyle", "bar+table+sql");
        c.putArray("GroupBy").add("CF.{" + groupByField + "}");
        c.putArray("ChartFunction").add("COUNT");
        return s;
    }
}
