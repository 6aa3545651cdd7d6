/**
 * Business calendars for SLA clocks: {@link dev.socialbridge.sla.calendar.BusinessHours} (weekly opening hours
 * parsed from a spec such as {@code MON-FRI 09:00-12:30,13:30-18:00; SAT 10:00-13:00}),
 * {@link dev.socialbridge.sla.calendar.Holidays} (closed dates from a list or an iCalendar file) and
 * {@link dev.socialbridge.sla.calendar.BusinessCalendar}, which combines both in a time zone and adds or measures
 * open time between {@link java.time.Instant}s, DST-correct.
 */
package dev.socialbridge.sla.calendar;
