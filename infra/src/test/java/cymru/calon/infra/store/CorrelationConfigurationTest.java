package cymru.calon.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class CorrelationConfigurationTest {
  private final CorrelationConfiguration.CommandOrigins origins =
      new CorrelationConfiguration.CommandOrigins();

  @Test
  void aCommandsEventsCarryItsCorrelationAndTraceIds() {
    var command = GenericCommandMessage.asCommandMessage("a command");
    Map<String, Object> data = new HashMap<>(origins.correlationDataFor(command));
    assertThat(data)
        .containsEntry("correlationId", command.getIdentifier())
        .containsEntry("traceId", command.getIdentifier());
  }

  @Test
  void anEventHandledGivesNone_itsMetadataIsNotRead() {
    var event = GenericEventMessage.asEventMessage("an event");
    assertThat(origins.correlationDataFor(event)).isEmpty();
  }
}
