package dev.socialbridge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socialbridge.connector.spi.OutboundAction;
import dev.socialbridge.connector.spi.OutboundMessage;
import dev.socialbridge.connector.spi.ReplyTo;
import dev.socialbridge.interaction.InteractionKind;
import dev.socialbridge.interaction.Platform;
import dev.socialbridge.interaction.ReplyChannel;
import dev.socialbridge.support.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action the pipeline queues is read back from the outbox exactly as it was written. */
class LegacyPlatformActionsTest {

    private static final ReplyTo COMMENT = new ReplyTo(InteractionKind.COMMENT, "instagram:comment:1", "c1", null,
            "p1", null, "u1", Instant.parse("2026-12-07T05:00:00Z"));

    static Stream<Arguments> actions() {
        return Stream.of(
                Arguments.of(PlatformCommandHandler.REPLY, new OutboundAction.Reply(Platform.INSTAGRAM, "ig1",
                        ReplyChannel.PUBLIC, COMMENT, OutboundMessage.text("Merci !"))),
                Arguments.of(PlatformCommandHandler.REPLY, new OutboundAction.Reply(Platform.TELEGRAM, "bot",
                        ReplyChannel.DM, COMMENT, new OutboundMessage("Oui ?", List.of("Oui", "Non"),
                        new OutboundMessage.PlatformTemplate("hello", "fr"), "alice"))),
                Arguments.of(PlatformCommandHandler.REPLY, new OutboundAction.Reply(Platform.MESSENGER, "page",
                        ReplyChannel.DM, COMMENT, OutboundMessage.fileByAgent(new OutboundMessage.MediaLink(
                                "https://bridge.example/media/t/a.pdf", "application/pdf", "a.pdf"), "alice"))),
                Arguments.of(PlatformCommandHandler.SET_HIDDEN,
                        new OutboundAction.SetHidden(Platform.FACEBOOK, "page", "c1", true)),
                Arguments.of(PlatformCommandHandler.ACKNOWLEDGE,
                        new OutboundAction.Acknowledge(Platform.TELEGRAM, "bot", "cb1")),
                Arguments.of(PlatformCommandHandler.DELETE,
                        new OutboundAction.Delete(Platform.TELEGRAM, "bot", "42", "-100")),
                Arguments.of(PlatformCommandHandler.BLOCK,
                        new OutboundAction.Block(Platform.WHATSAPP, "phone", "3361", null)));
    }

    @ParameterizedTest
    @MethodSource("actions")
    void anActionWrittenToTheOutboxIsReadBackUnchanged(String type, OutboundAction action) {
        assertEquals(Optional.of(action), LegacyPlatformActions.read(type, Json.write(action)));
    }
}
