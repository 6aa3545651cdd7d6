package dev.socialbridge.guard;

import dev.socialbridge.interaction.Author;
import dev.socialbridge.interaction.Interaction;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GuardRailsTest {

    private static final GuardRails RAILS = new GuardRails(Set.of("@MaisonLune", "1789"), 3, 3);

    private static Interaction from(String authorId, String handle, boolean fromSelf) {
        return new Interaction(Platform.INSTAGRAM, InteractionKind.COMMENT, "page-1", "t", "i", null, null,
                new Author(authorId, handle, null, null, false), "hi", List.of(), null, null, Instant.EPOCH, fromSelf, null, null, 0);
    }

    @ParameterizedTest(name = "author {0} @{1} fromSelf={2}: own={3}")
    @CsvSource({
            "42,     someone,    false, false",
            "42,     someone,    true,  true",
            "page-1, ,           false, true",
            "1789,   ,           false, true",
            "42,     maisonlune, false, true",
            "42,     MAISONLUNE, false, true",
    })
    void recognisesOurOwnAccounts(String id, String handle, boolean fromSelf, boolean expected) {
        assertEquals(expected, RAILS.isOwnAccount(from(id, handle, fromSelf)));
    }

    @ParameterizedTest(name = "{0} sent + {1} planned, max 3: within={2}")
    @CsvSource({"0, 0, true", "2, 0, true", "3, 0, false", "4, 0, false", "1, 1, true", "1, 2, false"})
    void hourlyReplyLimitCountsPlannedReplies(int lastHour, int planned, boolean expected) {
        assertEquals(expected, RAILS.withinReplyLimit(lastHour, planned));
    }

    @ParameterizedTest(name = "{0} bot turns, max 3: exhausted={1}")
    @CsvSource({"0, false", "2, false", "3, true", "4, true"})
    void botTurnsRunOutAtTheMaximum(int turns, boolean expected) {
        assertEquals(expected, RAILS.botTurnsExhausted(turns));
    }
}
