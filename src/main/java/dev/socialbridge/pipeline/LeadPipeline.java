package dev.socialbridge.pipeline;

import dev.socialbridge.leads.LeadScores;

/**
 * The qualified-leads part of the pipeline: the qualifier flow, the lead scores and the hot-lead routing.
 *
 * @param qualifier takes the answers of running qualifier flows and starts new ones
 * @param scores    each thread's accumulated lead score
 * @param routing   Social Hot Leads once a score crosses the threshold
 */
public record LeadPipeline(QualifierConversation qualifier, LeadScores scores, LeadRouting routing) { }
