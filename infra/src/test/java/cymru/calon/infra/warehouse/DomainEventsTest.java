package cymru.calon.infra.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.infra.integration.IntegrationEvent;
import cymru.calon.infra.integration.IntegrationEventContractTest;
import cymru.calon.infra.integration.IntegrationEventJson;
import cymru.calon.infra.integration.IntegrationEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warehouse reads back what Calon publishes: every domain event, published and read again,
 * becomes the same domain event with the store's identifier, timestamp and sequence number — the
 * message the projections would have received from the store. Only the service's name and a story's
 * text, which are not published, come back empty.
 */
class DomainEventsTest {
  private static final UUID EVENT_ID = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");
  private static final Instant RECORDED_AT = Instant.parse("2025-06-11T08:00:00.123456Z");
  private static final IntegrationEventJson JSON = new IntegrationEventJson();

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> events() {
    return IntegrationEventContractTest.events();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void published_thenRead_isTheStoredMessageAgain(String name, Object domainEvent) {
    IntegrationEvent published =
        IntegrationEvents.of(domainEvent, EVENT_ID, RECORDED_AT, 7).orElseThrow();
    IntegrationEvent read = JSON.read(JSON.write(published)).orElseThrow();
    assertThat(read).isEqualTo(published);

    var message = WarehouseProjections.message(read, 42);
    Object expected =
        domainEvent instanceof ServiceCommissioned s
            ? new ServiceCommissioned(
                s.serviceId(),
                s.organisationId(),
                s.commissionerId(),
                "",
                s.cohort(),
                s.areaCode(),
                s.contractStart(),
                s.contractEnd(),
                s.kpiTargets(),
                s.relationalCommitments(),
                s.occurredAt())
            : domainEvent instanceof cymru.calon.commands.api.episode.StoryShared t
                ? new cymru.calon.commands.api.episode.StoryShared(
                    t.episodeId(),
                    t.storyId(),
                    new cymru.calon.commands.api.person.Sealed(""),
                    t.language(),
                    t.relationalValues(),
                    t.occurredAt())
                : domainEvent;
    assertThat(message.getPayload()).isEqualTo(expected);
    assertThat(message.getIdentifier()).isEqualTo(EVENT_ID.toString());
    assertThat(message.getTimestamp()).isEqualTo(RECORDED_AT);
    assertThat(((TrackedEventMessage<?>) message).trackingToken().position()).hasValue(42);
    boolean sequenced =
        domainEvent instanceof ContactRecorded
            || domainEvent instanceof WorkerAssigned
            || domainEvent instanceof WorkerHandedOver;
    assertThat(((DomainEventMessage<?>) message).getSequenceNumber()).isEqualTo(sequenced ? 7 : 0);
  }

  @Test
  void aRecordOfAnUnknownKind_readsAsNothing_andOneWithoutSequence_asSequenceZero() {
    assertThat(
            JSON.read(
                "{\"type\":\"PersonRegistered\",\"schemaVersion\":1,\"eventId\":\"%s\"}"
                    .formatted(EVENT_ID)
                    .getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(JSON.read("not JSON".getBytes(StandardCharsets.UTF_8))).isEmpty();
    String withoutSequence =
        """
        {"type":"WorkerAssigned","schemaVersion":1,"eventId":"%s",
         "occurredAt":"2025-05-01T09:00:00Z","recordedAt":"2025-05-01T09:00:01Z",
         "episodeId":"44444444-4444-4444-8444-444444444444",
         "workerId":"77777777-7777-4777-8777-777777777777","futureField":true}
        """
            .formatted(EVENT_ID);
    var read = JSON.read(withoutSequence.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    assertThat(DomainEvents.of(read).sequence()).isZero();
  }
}
