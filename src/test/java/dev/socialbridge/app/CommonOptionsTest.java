package dev.socialbridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommonOptionsTest {
    @Test
    void givesH2AStatementCacheUnlessTheUrlSetsOne() {
        assertEquals("jdbc:h2:file:./data/sb;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=" + CommonOptions.H2_QUERY_CACHE,
                CommonOptions.tuned("jdbc:h2:file:./data/sb;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:mem:x;query_cache_size=4", CommonOptions.tuned("jdbc:h2:mem:x;query_cache_size=4"));
        assertEquals("jdbc:postgresql://db/sb", CommonOptions.tuned("jdbc:postgresql://db/sb"));
    }
}
