package dev.socialbridge.links;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign link to create ({@code POST /admin/links}, {@code links create}): its target (required, on an allowed
 * domain), campaign, UTM parameters, creator and channel.
 */
public final class NewLink {
    private static final String NAME = "[^,\\n\\r]*";
    private static final String NAME_MESSAGE = "must not contain a comma or a line break";

    @NotBlank @Size(max = 2048)
    public String target;
    @Size(max = 200) @Pattern(regexp = NAME, message = NAME_MESSAGE)
    public String campaign;
    @Size(max = 200) public String utm_source;
    @Size(max = 200) public String utm_medium;
    @Size(max = 200) public String utm_campaign;
    @Size(max = 200) public String utm_content;
    @Size(max = 200) public String utm_term;
    @Size(max = 200) @Pattern(regexp = NAME, message = NAME_MESSAGE)
    public String creator;
    @Size(max = 64) @Pattern(regexp = "[a-z0-9_-]*", message = "must be a channel id such as instagram")
    public String channel;
}
