package dev.socialbridge.sla;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The SLA matrix made executable: each queue's class (three clocks with their targets, a calendar, the escalation
 * steps), the business calendar, the share of a target at which a warning is due, and the statuses that pause
 * the clocks. Due and warning times are counted in the class's calendar, so a 30-minute target started at 17:50
 * on a Friday with {@code MON-FRI 09:00-18:00} is due at 09:20 on Monday.
 */
public final class SlaPolicy {
    private final BusinessCalendar business;
    private final int warnAtPercent;
    private final Set<String> pauseStatuses;
    private final boolean automatedRepliesCount;

    public SlaPolicy(BusinessCalendar business, int warnAtPercent, Set<String> pauseStatuses,
                     boolean automatedRepliesCount) {
        if (warnAtPercent < 1 || warnAtPercent > 99) {
            throw new IllegalArgumentException("warnAtPercent must be 1-99, got " + warnAtPercent);
        }
        this.business = business;
        this.warnAtPercent = warnAtPercent;
        this.pauseStatuses = Set.copyOf(pauseStatuses);
        this.automatedRepliesCount = automatedRepliesCount;
    }

    /** Around the clock, warnings at 75 %, paused in {@code stalled}: the behaviour without configuration. */
    public static SlaPolicy aroundTheClock() {
        return new SlaPolicy(BusinessCalendar.always(), 75, Set.of("stalled"), false);
    }

    /** The target of a clock in a class. */
    public static Duration target(QueueDef.Sla sla, SlaClock clock) {
        return Duration.ofMinutes(switch (clock) {
            case FIRST_RESPONSE -> sla.firstResponseMinutes();
            case NEXT_RESPONSE -> sla.nextResponse();
            case RESOLVE -> sla.escalateAfterMinutes();
        });
    }

    /** The SLA class a thread's clocks count in: the crisis class while it is in crisis, else its queue's. */
    public static QueueDef.Sla classOf(Descriptor descriptor, SlaState s, QueueDef queue) {
        return s.crisisAt() != null ? descriptor.crisis() : queue.sla();
    }

    /** The calendar the class's clocks count. */
    public BusinessCalendar calendar(QueueDef.Sla sla) {
        return sla.aroundTheClock() ? BusinessCalendar.always() : business;
    }

    /** When a clock started at {@code start} is due. */
    public Instant due(QueueDef.Sla sla, SlaClock clock, Instant start) {
        return calendar(sla).addBusinessTime(start, target(sla, clock));
    }

    /** When the pre-breach warning of that clock is due. */
    public Instant warnAt(QueueDef.Sla sla, SlaClock clock, Instant start) {
        Duration share = target(sla, clock).multipliedBy(warnAtPercent).dividedBy(100);
        return calendar(sla).addBusinessTime(start, share);
    }

    /**
     * Where a clock paused at {@code pausedAt} is due once it resumes at {@code resumedAt}: the open time that was
     * left is counted again from the resumption.
     */
    public Instant resumed(QueueDef.Sla sla, Instant due, Instant pausedAt, Instant resumedAt) {
        BusinessCalendar calendar = calendar(sla);
        Duration left = calendar.businessTimeBetween(pausedAt, due);
        return calendar.addBusinessTime(resumedAt, left);
    }

    /** Whether a host status pauses the clocks. */
    public boolean pauses(String status) {
        return status != null && pauseStatuses.contains(status);
    }

    public boolean automatedRepliesCount() {
        return automatedRepliesCount;
    }

    public int warnAtPercent() {
        return warnAtPercent;
    }

    /** The effective matrix, one line per queue, for {@code verify} and {@code install --dry-run}. */
    public List<String> describe(Descriptor descriptor) {
        List<String> lines = new java.util.ArrayList<>(descriptor.queues().stream()
                .map(q -> line(q.key(), q.sla()) + "; owner: " + q.owner().describe()).toList());
        lines.add(line("crisis", descriptor.crisis()));
        return lines;
    }

    private String line(String name, QueueDef.Sla s) {
        QueueDef.Escalation e = s.escalationSteps();
        return String.format("%-18s first response %s, next response %s, resolve or escalate %s; %s; breach: priority %s%s",
                name, minutes(s.firstResponseMinutes()), minutes(s.nextResponse()),
                minutes(s.escalateAfterMinutes()), s.aroundTheClock() ? "24/7" : "business hours (" + calendarText() + ")",
                e.priority() == null ? "unchanged" : e.priority(), (e.queue() == null ? "" : ", move to " + e.queue())
                        + (e.owner() == null ? "" : ", give to " + e.owner()));
    }

    private String calendarText() {
        return business.hours() + ", " + business.zone() + (business.holidays().isEmpty() ? ""
                : ", " + business.holidays().size() + " holidays");
    }

    /** The policy's settings, for the same listing. */
    public String settingsLine() {
        return "warning at " + warnAtPercent + " % of each target; clocks pause in " + String.join(", ", pauseStatuses)
                + "; " + (automatedRepliesCount ? "automated replies count as responses" : "only a person's reply counts as a response");
    }

    private static String minutes(int m) {
        return m % 60 == 0 ? (m / 60) + " h" : m + " min";
    }
}
