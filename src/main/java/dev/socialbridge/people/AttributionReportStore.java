package dev.socialbridge.people;

import dev.socialbridge.attribution.CampaignSignal;
import dev.socialbridge.store.Database;
import dev.socialbridge.support.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The attribution report from the operational store. Conversations, leads and hot leads are threads whose first
 * message is in the window, counted under their thread's first touch (models first and linear) or last touch (model
 * last); conversions and revenue are the credit rows of the model for the conversions dated in the window, under the
 * credited touch. Portable SQL; grouping here.
 */
public final class AttributionReportStore {
    /** The queue of hot leads; a thread there is a lead and a hot lead. */
    public static final String HOT_LEADS_QUEUE = "hot_leads";
    /** The intent that makes a ticketed thread a lead. */
    public static final String LEAD_INTENT = "sales_lead";
    public static final String NONE = "(none)";
    public static final String UNATTRIBUTED = "(unattributed)";
    public static final String ALL = "all";

    private static final String THREADS = "SELECT t.thread_key, t.queue_key, t.intent, tt.first_touch, tt.last_touch"
            + " FROM social_thread t LEFT JOIN thread_touch tt ON tt.thread_key = t.thread_key"
            + " WHERE t.first_message_at >= ? AND t.first_message_at < ?";
    private static final String CREDITS = "SELECT cc.conversion_id, c.currency, cc.amount, pt.thread_key, pt.channel,"
            + " pt.signal_type, pt.campaign, pt.creator, pt.utm_source, pt.utm_medium, pt.post_id, pt.ad_id, cc.touch_id"
            + " FROM conversion_credit cc JOIN conversion c ON c.id = cc.conversion_id"
            + " LEFT JOIN person_touch pt ON pt.id = cc.touch_id"
            + " WHERE cc.model = ? AND c.converted_at >= ? AND c.converted_at < ?";
    private static final String TEMPLATES = "SELECT DISTINCT thread_key, template_id FROM audit_record"
            + " WHERE template_id IS NOT NULL";

    private final Database db;

    public AttributionReportStore(Database db) {
        this.db = db;
    }

    public AttributionReport report(AttributionQuery q) {
        return db.inTransaction(c -> {
            Map<String, List<String>> templates = q.group() == AttributionQuery.Group.TEMPLATE ? templates(c) : Map.of();
            Map<String, Counts> groups = new TreeMap<>();
            Counts total = new Counts();
            threads(c, q, templates, groups, total);
            credits(c, q, templates, groups, total);
            List<AttributionReport.Row> rows = new ArrayList<>();
            groups.forEach((k, v) -> rows.add(v.row(k)));
            return new AttributionReport(q.from(), q.to(), q.group().id(), q.model().id(), rows, total.row(ALL));
        });
    }

    private static void threads(Connection c, AttributionQuery q, Map<String, List<String>> templates,
                                Map<String, Counts> groups, Counts total) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(THREADS)) {
            ps.setTimestamp(1, Database.ts(q.from()));
            ps.setTimestamp(2, Database.ts(q.to()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String queue = rs.getString(2);
                    boolean hot = HOT_LEADS_QUEUE.equals(queue);
                    boolean lead = hot || queue != null && LEAD_INTENT.equals(rs.getString(3));
                    String json = rs.getString(q.model() == AttributionQuery.Model.LAST ? 5 : 4);
                    CampaignSignal touch = json == null ? null : Json.read(json, CampaignSignal.class);
                    Dimensions d = touch == null ? Dimensions.NONE : Dimensions.of(touch);
                    total.thread(lead, hot);
                    for (String key : keys(q.group(), d, rs.getString(1), templates)) {
                        groups.computeIfAbsent(key, k -> new Counts()).thread(lead, hot);
                    }
                }
            }
        }
    }

    private static void credits(Connection c, AttributionQuery q, Map<String, List<String>> templates,
                                Map<String, Counts> groups, Counts total) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CREDITS)) {
            ps.setString(1, q.model().id());
            ps.setTimestamp(2, Database.ts(q.from()));
            ps.setTimestamp(3, Database.ts(q.to()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String conversion = rs.getString(1);
                    String currency = rs.getString(2);
                    BigDecimal amount = rs.getBigDecimal(3);
                    total.credit(conversion, currency, amount);
                    if (rs.getObject(13) == null) {
                        groups.computeIfAbsent(UNATTRIBUTED, k -> new Counts()).credit(conversion, currency, amount);
                        continue;
                    }
                    Dimensions d = new Dimensions(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
                    List<String> keys = keys(q.group(), d, rs.getString(4), templates);
                    // a touch's thread with several templates: its credit is shared between them
                    BigDecimal share = amount.divide(BigDecimal.valueOf(keys.size()), 4, RoundingMode.HALF_EVEN);
                    for (String key : keys) {
                        groups.computeIfAbsent(key, k -> new Counts()).credit(conversion, currency, share);
                    }
                }
            }
        }
    }

    private static Map<String, List<String>> templates(Connection c) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TEMPLATES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    private static List<String> keys(AttributionQuery.Group group, Dimensions d, String threadKey,
                                     Map<String, List<String>> templates) {
        String key = switch (group) {
            case CAMPAIGN -> d.campaign();
            case SOURCE -> d.utmSource() != null ? d.utmSource() : d.channel();
            case MEDIUM -> d.utmMedium() != null ? d.utmMedium() : d.type();
            case POST -> d.post();
            case AD -> d.ad();
            case CREATOR -> d.creator();
            case TEMPLATE -> null;
        };
        if (group == AttributionQuery.Group.TEMPLATE) {
            List<String> t = threadKey == null ? null : templates.get(threadKey);
            return t == null || t.isEmpty() ? List.of(NONE) : t;
        }
        return List.of(key == null || key.isBlank() ? NONE : key);
    }

    /** The dimensions of one touch. */
    private record Dimensions(String channel, String type, String campaign, String creator, String utmSource,
                              String utmMedium, String post, String ad) {
        static final Dimensions NONE = new Dimensions(null, null, null, null, null, null, null, null);

        static Dimensions of(CampaignSignal t) {
            return new Dimensions(t.channel(), t.type().id(), t.campaign(), t.creator(), t.utm().source(),
                    t.utm().medium(), t.postId(), t.adId());
        }
    }

    /** Running counts of one group. */
    private static final class Counts {
        long conversations;
        long leads;
        long hot;
        final Set<String> conversions = new HashSet<>();
        final Map<String, BigDecimal> revenue = new TreeMap<>();

        void thread(boolean lead, boolean hotLead) {
            conversations++;
            leads += lead ? 1 : 0;
            hot += hotLead ? 1 : 0;
        }

        void credit(String conversion, String currency, BigDecimal amount) {
            conversions.add(conversion);
            revenue.merge(currency, amount, BigDecimal::add);
        }

        AttributionReport.Row row(String group) {
            Map<String, BigDecimal> money = new TreeMap<>();
            revenue.forEach((k, v) -> money.put(k, v.setScale(2, RoundingMode.HALF_EVEN)));
            Double rate = conversations == 0 ? null
                    : BigDecimal.valueOf((double) leads / conversations).setScale(4, RoundingMode.HALF_UP).doubleValue();
            return new AttributionReport.Row(group, conversations, leads, hot, rate, conversions.size(), money);
        }
    }
}
