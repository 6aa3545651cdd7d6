package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.descriptor.Descriptor;
import dev.socialbridge.descriptor.FieldDef;
import dev.socialbridge.descriptor.FieldGroupDef;
import dev.socialbridge.descriptor.PriorityDef;
import dev.socialbridge.descriptor.QueueDef;
import dev.socialbridge.host.spi.ProvisioningPlan.Status;
import dev.socialbridge.host.spi.ProvisioningPlan.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the Java side reads rt-workplace.pl's output, and what it says where the helper cannot run. */
class RtWorkplaceTest {
    private static final String COMMAND = "perl /opt/sb/rt/rt-workplace.pl '{...}'";
    private static final Descriptor DESCRIPTOR = new Descriptor("social-bridge", "0.1.0", List.of("tickets"),
            List.of(new FieldDef("thread_key", "Social Thread Key", "text", "ticket", List.of(), true, null, false,
                    "technical")),
            List.of(new QueueDef("support", "Social Support", null, 50, new QueueDef.Sla(30, 240))), List.of(), null,
            List.of(new FieldGroupDef("technical", "Technical", true, true)),
            List.of(new PriorityDef("Low", 0), new PriorityDef("Normal", 30)));
    private static final RtWorkplaceSpec SPEC = RtWorkplaceSpec.of(DESCRIPTOR);

    private static List<String> summary(List<RtFinding> findings) {
        return findings.stream().map(RtFinding::step).map(s -> s.key() + " " + s.status()).toList();
    }

    @Test
    void anInstallThatSetSomethingIsCreatedAndWhatWasThereIsPresent() {
        String output = """
                already: CustomFieldGroupings: queue Social Support
                ok: PriorityAsString: queue Social Support set
                ok: callback: queue Social Support collapses Technical (/usr/local/share/request-tracker5/html/...)
                ok: hide-empty: queue Social Support hides the empty fields of Technical (/usr/local/share/...)
                """;

        List<RtFinding> findings = RtWorkplace.findings(SPEC, RtWorkplace.Mode.APPLY, output, COMMAND);

        assertEquals(List.of("field-groupings PRESENT", "priority-names CREATED", "collapsed-groups CREATED",
                "hidden-empty-fields CREATED"), summary(findings));
        assertEquals("empty fields left out of Technical", findings.get(3).step().label());
        Step priorities = findings.get(1).step();
        assertEquals("Low, Normal", priorities.label());
        assertEquals("set for 1 queue(s)", priorities.detail());
        assertEquals("Technical collapsed", findings.get(2).step().label());
        assertTrue(findings.stream().allMatch(f -> f.problem() == null));
    }

    @Test
    void aCheckReportsWhatIsMissingAsAProblemForVerify() {
        String output = """
                missing: CustomFieldGroupings: queue Social Support (not set)
                already: PriorityAsString: queue Social Support
                note: PriorityAsString: $EnablePriorityAsString is off in the site config, RT shows numbers
                already: callback: queue Social Support collapses Technical
                missing: hide-empty: queue Social Support (not set: hides the empty fields of Technical)
                """;

        List<RtFinding> findings = RtWorkplace.findings(SPEC, RtWorkplace.Mode.CHECK, output, COMMAND);

        assertEquals(List.of("field-groupings CREATE", "priority-names PRESENT", "collapsed-groups PRESENT",
                "hidden-empty-fields CREATE"), summary(findings));
        assertNotNull(findings.get(3).problem(), "verify reports the missing callback");
        assertNotNull(findings.get(0).problem());
        assertEquals("CustomFieldGroupings of the social queues not set: queue Social Support (not set)",
                findings.get(0).problem().message());
        assertEquals("in place for 1 queue(s); $EnablePriorityAsString is off in the site config, RT shows numbers",
                findings.get(1).step().detail());
    }

    @Test
    void aRemovalSaysWhatWentAndWhatWasNotThere() {
        String output = """
                removed: CustomFieldGroupings: queue Social Support
                removed: CustomFieldGroupings: database row 7 disabled (nothing else in it)
                absent: PriorityAsString: queue Social Support
                removed: callback: queue Social Support from /x/TitleBox
                removed: callback: /x/TitleBox deleted (no queue left)
                removed: hide-empty: queue Social Support from /x/MassageCustomFields
                removed: hide-empty: /x/MassageCustomFields deleted (no queue left)
                """;

        List<RtFinding> findings = RtWorkplace.findings(SPEC, RtWorkplace.Mode.REMOVE, output, COMMAND);

        assertEquals(List.of("field-groupings REMOVED", "priority-names ABSENT", "collapsed-groups REMOVED",
                "hidden-empty-fields REMOVED"), summary(findings));
        assertEquals("removed for 1 queue(s); database row 7 disabled (nothing else in it)",
                findings.get(0).step().detail());
        assertEquals("removed for 1 queue(s); /x/TitleBox deleted (no queue left)", findings.get(2).step().detail());
    }

    @Test
    void aRemovalDryRunListsWhatWouldGo() {
        String output = """
                present: CustomFieldGroupings: queue Social Support
                absent: PriorityAsString: queue Social Support
                present: callback: queue Social Support in /x/TitleBox
                """;

        assertEquals(List.of("field-groupings REMOVE", "priority-names ABSENT", "collapsed-groups REMOVE"),
                summary(RtWorkplace.findings(SPEC, RtWorkplace.Mode.REMOVE_CHECK, output, COMMAND)));
    }

    @Test
    void aFailedPartIsAConflictWithTheCommandToRun() {
        String output = """
                FAILED: CustomFieldGroupings: cannot write the database setting: Permission Denied
                ok: PriorityAsString: queue Social Support set
                """;

        List<RtFinding> findings = RtWorkplace.findings(SPEC, RtWorkplace.Mode.APPLY, output, COMMAND);

        assertEquals(List.of("field-groupings CONFLICT", "priority-names CREATED"), summary(findings));
        assertEquals("CustomFieldGroupings: cannot write the database setting: Permission Denied",
                findings.get(0).problem().message());
        assertEquals("on the RT host run: " + COMMAND, findings.get(0).problem().fixHint());
    }

    @Test
    void aRunThatSaysNothingAboutThePartsIsOneConflict() {
        String output = "Can't locate RT.pm in @INC (you may need to install the RT module)";

        List<RtFinding> findings = RtWorkplace.findings(SPEC, RtWorkplace.Mode.APPLY, output, COMMAND);

        assertEquals(List.of("workplace CONFLICT"), summary(findings));
        assertTrue(findings.get(0).problem().message().contains("Can't locate RT.pm"), findings.get(0)::toString);
    }

    @Test
    void withoutTheHelperHereADryRunAndVerifyGiveTheExactCommand() {
        RtApplyHelper unavailable = new RtApplyHelper(false, "127.0.0.1", Map.of(),
                Optional.of(Path.of("/opt/sb/rt/rt-apply-cf.pl")));
        RtProvisioningContext ctx = new RtProvisioningContext(null, unavailable, false, "14");

        new RtWorkplace(unavailable).provision(ctx, DESCRIPTOR);

        assertEquals(List.of("workplace CREATE"), summary(ctx.findings));
        String expected = "perl /opt/sb/rt/rt-workplace.pl --apply '" + SPEC.toJson() + "'";
        assertTrue(ctx.findings.get(0).problem().message().endsWith("on the RT host run: " + expected),
                ctx.findings.get(0).problem()::message);
    }

    @Test
    void withoutTheHelperHereUninstallIsAConflictNamingTheRemoveCommand() {
        RtApplyHelper unavailable = new RtApplyHelper(false, "127.0.0.1", Map.of(),
                Optional.of(Path.of("/opt/sb/rt/rt-apply-cf.pl")));

        List<RtFinding> findings = new RtWorkplace(unavailable).remove(DESCRIPTOR, false);

        assertEquals(List.of("workplace CONFLICT"), summary(findings));
        assertEquals("on the RT host run: perl /opt/sb/rt/rt-workplace.pl --remove '" + SPEC.toJson() + "'",
                findings.get(0).problem().fixHint());
    }

    @Test
    void aDescriptorWithoutGroupsOrPrioritiesAddsNoStepToInstall() {
        Descriptor plain = new Descriptor("social-bridge", "0.1.0", List.of(), DESCRIPTOR.fields().stream()
                .map(f -> new FieldDef(f.key(), f.label(), f.type(), f.appliesTo(), f.values(), f.unique(), null))
                .toList(), DESCRIPTOR.queues(), List.of());
        RtApplyHelper unavailable = new RtApplyHelper(false, "127.0.0.1", Map.of(), Optional.empty());
        RtProvisioningContext ctx = new RtProvisioningContext(null, unavailable, true, "14");

        new RtWorkplace(unavailable).provision(ctx, plain);

        assertEquals(List.of(), ctx.findings);
    }
}
