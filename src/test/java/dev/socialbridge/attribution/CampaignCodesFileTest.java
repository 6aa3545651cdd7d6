package dev.socialbridge.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignCodesFileTest {
    @TempDir
    Path dir;

    private CampaignCodes read(String yaml, List<String> problems) throws IOException {
        return CampaignCodesFile.read(Files.writeString(dir.resolve("codes.yaml"), yaml), problems);
    }

    @Test
    void readsCodesWithOptionalCreatorPostsAndAds() throws IOException {
        List<String> problems = new ArrayList<>();
        CampaignCodes codes = read("""
                codes:
                  BF26: black_friday_2026
                  LEA10: black_friday_2026, lea.martin
                posts:
                  "17910000000000023": summer_drop_2026
                ads:
                  120210000000000061: bf_ads
                """, problems);
        assertEquals(List.of(), problems);
        assertNotNull(codes);
        assertEquals(Optional.of(new CampaignCodes.Match("LEA10", new CampaignCodes.Target("black_friday_2026", "lea.martin"))),
                codes.find("code lea10 svp"));
        assertEquals(new CampaignCodes.Target("black_friday_2026", null), codes.find("BF26").orElseThrow().target());
        assertEquals(Optional.of("summer_drop_2026"), codes.campaignOfPost("17910000000000023"));
        assertEquals(Optional.of("bf_ads"), codes.campaignOfAd("120210000000000061"), "unquoted numeric keys are ids");
    }

    @Test
    void everyProblemNamesTheFileTheEntryAndTheValue() throws IOException {
        List<String> problems = new ArrayList<>();
        CampaignCodes codes = read("""
                codes:
                  BF26: a, b, c
                  bf26: other
                  "--": x
                  OK1: ",creator"
                  LIST: [a, b]
                posts:
                  "a b": x
                campaigns: {}
                """, problems);
        assertNull(codes);
        assertTrue(problems.contains("codes.yaml: codes.BF26: 'a, b, c' is not 'campaign' or 'campaign, creator'"), problems.toString());
        assertTrue(problems.contains("codes.yaml: codes.bf26: same code as 'BF26' (codes ignore case and accents)"), problems.toString());
        assertTrue(problems.contains("codes.yaml: codes.--: a code needs a letter or digit"), problems.toString());
        assertTrue(problems.contains("codes.yaml: codes.OK1: ',creator' has no valid campaign (1-200 characters, no comma)"),
                problems.toString());
        assertTrue(problems.contains("codes.yaml: codes.LIST: expected a string, found a list"), problems.toString());
        assertTrue(problems.contains("codes.yaml: posts.a b: 'a b' is not an id (letters, digits, _ : . -)"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("codes.yaml: campaigns: unknown section")), problems.toString());
        assertEquals(7, problems.size(), problems.toString());
    }

    @Test
    void notAMappingIsAProblem() throws IOException {
        List<String> problems = new ArrayList<>();
        assertNull(read("- BF26\n", problems));
        assertEquals(List.of("codes.yaml: expected a mapping with codes, posts, ads, found a list"), problems);
    }

    @Test
    void invalidYamlIsAProblemWithItsLine() throws IOException {
        List<String> problems = new ArrayList<>();
        assertNull(read("codes:\n  BF26: [unclosed\n", problems));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("codes.yaml: not valid YAML"), problems.get(0));
    }
}
