package dev.socialbridge.connector.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the Meta connector lets an agent's file go, and the reason written on the ticket where it does not. */
class MetaActionPolicyTest {

    private final MetaActionPolicy policy = new MetaActionPolicy();

    /** {@code -} in the last column: the file may be sent. */
    @ParameterizedTest(name = "{0} {1} over {2}, {3} -> {4}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            MESSENGER | DM            | DM      | image/jpeg                | -
            MESSENGER | DM            | DM      | video/mp4                 | -
            MESSENGER | DM            | DM      | audio/mpeg                | -
            MESSENGER | DM            | DM      | application/pdf           | -
            MESSENGER | DM            | DM      | text/csv                  | -
            MESSENGER | POSTBACK      | DM      | application/zip           | -
            MESSENGER | REFERRAL      | PRIVATE | image/png                 | -
            INSTAGRAM | DM            | DM      | image/png                 | -
            INSTAGRAM | DM            | DM      | Image/JPEG; q=0.9         | -
            INSTAGRAM | STORY_REPLY   | DM      | video/mp4                 | -
            INSTAGRAM | STORY_MENTION | DM      | audio/ogg; codecs=opus    | -
            INSTAGRAM | POSTBACK      | PUBLIC  | image/gif                 | -
            INSTAGRAM | DM            | DM      | application/pdf           | Instagram messages take images, videos and audio, not application/pdf
            INSTAGRAM | STORY_REPLY   | DM      | text/plain                | Instagram messages take images, videos and audio, not text/plain
            INSTAGRAM | DM            | DM      | Application/PDF; x=1      | Instagram messages take images, videos and audio, not application/pdf
            INSTAGRAM | DM            | DM      | ''                        | Instagram messages take images, videos and audio, not a file of unknown type
            INSTAGRAM | COMMENT       | PUBLIC  | image/jpeg                | a comment reply takes text only: send a private reply, then the file in the conversation once the customer answers
            FACEBOOK  | COMMENT       | PUBLIC  | application/pdf           | a comment reply takes text only: send a private reply, then the file in the conversation once the customer answers
            INSTAGRAM | MENTION       | PUBLIC  | image/jpeg                | a reply under an Instagram @mention takes text only
            INSTAGRAM | COMMENT       | PRIVATE | image/jpeg                | a private reply to a comment takes text only (the Messenger/Instagram private-reply API sends one text message): send the file in the conversation once the customer answers
            FACEBOOK  | COMMENT       | PRIVATE | video/mp4                 | a private reply to a comment takes text only (the Messenger/Instagram private-reply API sends one text message): send the file in the conversation once the customer answers
            FACEBOOK  | COMMENT       | DM      | image/jpeg                | a DM cannot be started from a facebook comment: send a private reply, then the file in the conversation once the customer answers
            FACEBOOK  | DM            | DM      | image/jpeg                | files can only be sent in Messenger and Instagram conversations, not on facebook
            """)
    void filesGoOnlyInConversationsAndInstagramTakesOnlyMedia(Platform platform, InteractionKind kind,
                                                              ReplyChannel channel, String mimeType, String expected) {
        Optional<String> want = "-".equals(expected) ? Optional.empty() : Optional.of(expected);
        assertEquals(want, policy.mediaRefusal(platform, kind, channel, mimeType));
    }

    @ParameterizedTest
    @CsvSource({"image/jpeg,image", "IMAGE/PNG,image", "video/quicktime,video", "audio/ogg; codecs=opus,audio",
            "application/pdf,file", "text/plain,file", "application/octet-stream,file", "imagefoo/x,file", "'',file"})
    void theAttachmentTypeFollowsTheMimeTypePrefix(String mimeType, String type) {
        assertEquals(type, MetaActionPolicy.attachmentType(mimeType));
    }
}
