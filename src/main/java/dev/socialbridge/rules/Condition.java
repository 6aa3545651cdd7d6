package dev.socialbridge.rules;

/**
 * One compiled {@code when} condition of a rule, in the style of a Kafka Connect {@code Predicate}:
 * configured (parsed and validated, patterns compiled) once when the rules file is loaded, then
 * tested for each interaction. Implementations are pure, thread-safe and must not allocate much:
 * they run on every inbound interaction.
 */
@FunctionalInterface
interface Condition {

    /** True when the interaction satisfies the condition. */
    boolean test(RuleContext ctx);
}
