package dev.socialbridge.attribution;

/**
 * What a tracked link ({@code /r/<code>}) says about a campaign, for a touch: a click on it, or a referral whose
 * {@code ref} is its code.
 *
 * @param code     the link's code
 * @param campaign its campaign, or null
 * @param creator  its creator or partner, or null
 * @param utm      its UTM parameters, never null
 */
public record LinkRef(String code, String campaign, String creator, UtmParameters utm) {
    public LinkRef {
        java.util.Objects.requireNonNull(code, "code");
        utm = utm == null ? UtmParameters.none() : utm;
    }
}
