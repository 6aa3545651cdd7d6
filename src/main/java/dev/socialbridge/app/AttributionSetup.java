package dev.socialbridge.app;

import dev.socialbridge.attribution.CampaignCodes;
import dev.socialbridge.attribution.CampaignCodesFile;
import dev.socialbridge.attribution.CampaignSignals;
import dev.socialbridge.config.SocialBridgeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The campaign signals configured by {@code socialbridge.attribution.*}, and the checks of the codes file. */
final class AttributionSetup {
    static final String CODES_FILE = "socialbridge.attribution.codes-file";
    static final String DEFAULT_COUNTRY = "socialbridge.attribution.default-country";

    private AttributionSetup() {
    }

    /**
     * The campaign signals with the configured codes file (none when unset); null after adding one problem per
     * mistake, each naming the setting, the file, the entry and the value.
     */
    static CampaignSignals signals(SocialBridgeConfig config, List<String> problems) {
        if (config.attribution().codesFile().isEmpty()) {
            return CampaignSignals.withoutCodes();
        }
        Path file = Path.of(config.attribution().codesFile().get());
        if (!Files.isRegularFile(file)) {
            problems.add(CODES_FILE + ": file not found: " + file);
            return null;
        }
        List<String> found = new ArrayList<>();
        CampaignCodes codes = CampaignCodesFile.read(file, found);
        found.forEach(p -> problems.add(CODES_FILE + ": " + p));
        return codes == null ? null : new CampaignSignals(codes);
    }

    /** The phone numbers of {@code socialbridge.attribution.default-country}; null after adding a problem naming it. */
    static dev.socialbridge.people.PhoneNumbers phones(SocialBridgeConfig config, List<String> problems) {
        try {
            return new dev.socialbridge.people.PhoneNumbers(config.attribution().defaultCountry());
        } catch (IllegalArgumentException e) {
            problems.add(DEFAULT_COUNTRY + ": " + e.getMessage());
            return null;
        }
    }
}
