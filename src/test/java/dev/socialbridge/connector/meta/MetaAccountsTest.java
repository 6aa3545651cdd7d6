package dev.socialbridge.connector.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socialbridge.interaction.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetaAccountsTest {

    private static final String P = "socialbridge.meta.accounts.";

    @Test
    void readsInstagramAndPageAccounts() {
        MetaAccounts accounts = MetaAccounts.parse(Map.of(
                P + "shop-ig.id", "17841400000000001",
                P + "shop-ig.platform", "instagram",
                P + "shop-ig.page-id", "100000000000001",
                P + "shop-ig.access-token", "EAAG-ig-secret",
                P + "shop-page.id", "100000000000001",
                P + "shop-page.platform", "FACEBOOK",
                P + "shop-page.access-token", "EAAG-page-secret",
                "socialbridge.meta.app-secret", "ignored-here"));
        assertTrue(accounts.isValid(), accounts.problems().toString());
        MetaAccount ig = accounts.find("17841400000000001").orElseThrow();
        assertEquals(Platform.INSTAGRAM, ig.platform());
        assertEquals("100000000000001", ig.messagingNodeId());
        MetaAccount page = accounts.find("100000000000001").orElseThrow();
        assertEquals(Platform.FACEBOOK, page.platform());
        assertEquals("100000000000001", page.messagingNodeId(), "page id defaults to the id");
        assertEquals(Set.of("17841400000000001", "100000000000001"), accounts.ownIds());
    }

    @Test
    void collectsEveryProblemWithItsFullKey() {
        MetaAccounts accounts = MetaAccounts.parse(Map.of(
                P + "a.platform", "instagram",
                P + "a.access-token", "t",
                P + "b.id", "2",
                P + "b.platform", "tiktok",
                P + "c.id", "3",
                P + "c.platform", "facebook",
                P + "d.id", "3",
                P + "d.platform", "facebook",
                P + "d.access-token", "t",
                P + "d.acces-token", "typo"));
        assertEquals(List.of(
                P + "b.platform: 'tiktok' must be one of instagram, facebook",
                P + "d.acces-token: unknown setting (known: accounts.<name>.id, accounts.<name>.platform,"
                        + " accounts.<name>.page-id, accounts.<name>.access-token)",
                P + "a.id: is required (connected account id: Page id or IG business account id)",
                P + "b.access-token: is required (Page access token)",
                P + "c.access-token: is required (Page access token)"), accounts.problems());
        assertFalse(accounts.isValid());
        assertEquals(List.of("3"), accounts.all().stream().map(MetaAccount::id).toList());
    }

    @Test
    void reportsDuplicateAccountIds() {
        MetaAccounts accounts = MetaAccounts.parse(Map.of(
                P + "one.id", "9", P + "one.platform", "facebook", P + "one.access-token", "t1",
                P + "two.id", "9", P + "two.platform", "facebook", P + "two.access-token", "t2"));
        assertEquals(List.of(P + "two.id: duplicate account id 9 (also " + P + "one.id)"), accounts.problems());
    }

    @Test
    void neverShowsTokens() {
        MetaAccounts accounts = MetaAccounts.parse(Map.of(
                P + "x.id", "1", P + "x.platform", "instagram", P + "x.access-token", "EAAG-very-secret"));
        assertFalse(accounts.toString().contains("EAAG-very-secret"), accounts.toString());
        assertFalse(accounts.find("1").orElseThrow().toString().contains("EAAG-very-secret"));
    }

    @Test
    void healthRegistryKeepsTheFirstReasonUntilMarkedValid() {
        MetaAccountHealth health = new MetaAccountHealth(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        health.markInvalid("1", "code=190 subcode=463");
        health.markInvalid("1", "again");
        assertTrue(health.isInvalid("1"));
        assertEquals(List.of(new MetaAccountHealth.InvalidAccount("1", "code=190 subcode=463",
                Instant.parse("2026-11-21T10:00:00Z"))), health.list());
        health.markValid("1");
        assertFalse(health.isInvalid("1"));
        assertTrue(health.list().isEmpty());
    }

    @Test
    void healthListenerHearsEachNewMarkOnceAndCannotBreakMarking() {
        List<String> heard = new java.util.ArrayList<>();
        MetaAccountHealth health = new MetaAccountHealth(Clock.systemUTC(), (id, reason) -> {
            heard.add(id + " " + reason);
            throw new IllegalStateException("store down");
        });
        health.markInvalid("1", "code=190");
        health.markInvalid("1", "code=190 again");
        assertEquals(List.of("1 code=190"), heard);
        assertTrue(health.isInvalid("1"));
    }
}
