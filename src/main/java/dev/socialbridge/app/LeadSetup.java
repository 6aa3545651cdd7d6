package dev.socialbridge.app;

import dev.socialbridge.config.SocialBridgeConfig;
import dev.socialbridge.connector.spi.ActionPolicy;
import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.leads.AnswerParser;
import dev.socialbridge.leads.LeadScores;
import dev.socialbridge.leads.LeadScoring;
import dev.socialbridge.leads.LeadWeights;
import dev.socialbridge.leads.QualifierFlows;
import dev.socialbridge.leads.QualifierMachine;
import dev.socialbridge.outbox.OutboxStore;
import dev.socialbridge.pipeline.AuditStore;
import dev.socialbridge.pipeline.LeadPipeline;
import dev.socialbridge.pipeline.LeadRouting;
import dev.socialbridge.pipeline.QualifierConversation;
import dev.socialbridge.pipeline.SlaClocks;
import dev.socialbridge.pipeline.ThreadStore;

/** The qualified-leads part of the pipeline configured by {@code socialbridge.leads.*}. */
final class LeadSetup {
    private LeadSetup() {
    }

    static LeadWeights weights(SocialBridgeConfig.Leads l) {
        return new LeadWeights(l.pointsIntent(), l.pointsCampaign(), l.pointsAnswer(), l.pointsContact(),
                l.pointsFollowers(), l.pointsTouch(), l.pointsTouchCap(), l.hotThreshold());
    }

    static LeadPipeline pipeline(SocialBridgeConfig config, QualifierFlows flows, Descriptor descriptor,
                                 ThreadStore threads, OutboxStore outbox, AuditStore audit, SlaClocks sla,
                                 ActionPolicy policy, dev.socialbridge.people.PhoneNumbers phones) {
        SocialBridgeConfig.Leads l = config.leads();
        LeadScores scores = new LeadScores(new LeadScoring(weights(l)));
        LeadRouting routing = new LeadRouting(descriptor, threads, outbox, sla, config.pipeline().defaultQueue(),
                l.hotThreshold());
        QualifierConversation qualifier = new QualifierConversation(flows,
                new QualifierMachine(new AnswerParser(phones.callingCode())), scores, routing, threads, outbox, audit,
                policy, l.qualifierTimeout());
        return new LeadPipeline(qualifier, scores, routing);
    }
}
