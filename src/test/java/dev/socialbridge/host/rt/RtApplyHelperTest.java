package dev.socialbridge.host.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtApplyHelperTest {
    private static final Optional<Path> SCRIPT = Optional.of(Path.of("/opt/social bridge/rt/rt-apply-cf.pl"));
    private static final Map<String, String> RT_ENV = Map.of("RT_SITE_CONFIG", "/etc/rt/RT_SiteConfig.pm");

    @Test
    void printsAShellReadyCommandForTheAdmin() {
        RtApplyHelper helper = new RtApplyHelper(true, "rt.example.com", Map.of(), SCRIPT);

        assertEquals("perl '/opt/social bridge/rt/rt-apply-cf.pl' 'Social Message ID (txn)' "
                + "RT::Queue-RT::Ticket-RT::Transaction global",
                helper.command("Social Message ID (txn)", RtFieldTypes.TRANSACTION_LOOKUP));
        assertEquals("perl '/opt/social bridge/rt/rt-apply-cf.pl' 'O'\\''Brien' RT::User global",
                helper.command("O'Brien", RtFieldTypes.USER_LOOKUP));
    }

    @Test
    void namesTheBundleLocationWhenTheScriptIsNotFound() {
        RtApplyHelper helper = new RtApplyHelper(true, "localhost", RT_ENV, Optional.empty());

        assertEquals("perl '<social-bridge bundle>/rt/rt-apply-cf.pl' 'Social Profile' RT::User global",
                helper.command("Social Profile", RtFieldTypes.USER_LOOKUP));
        assertFalse(helper.canRun());
    }

    @Test
    void doesNotRunWhenSwitchedOffOrWithoutRtSiteConfigOrForARemoteRt() {
        assertFalse(new RtApplyHelper(false, "localhost", RT_ENV, SCRIPT).canRun());
        assertFalse(new RtApplyHelper(true, "localhost", Map.of(), SCRIPT).canRun());
        assertFalse(new RtApplyHelper(true, "rt.invalid", RT_ENV, SCRIPT).canRun());
        assertFalse(new RtApplyHelper(true, "localhost", Map.of(), SCRIPT).apply("x", "RT::User").applied());
    }

    @Test
    void findsTheScriptShippedInPluginRtDuringDevelopment() {
        assertEquals(Path.of("plugin", "rt", "rt-apply-cf.pl").toAbsolutePath(), RtApplyHelper.locateScript().orElseThrow());
    }
}
