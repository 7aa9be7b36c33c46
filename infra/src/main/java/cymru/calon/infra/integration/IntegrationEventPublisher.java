package cymru.calon.infra.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox: a tracking processor with its own token reads the event store and publishes each
 * event's integration event. Sends of a batch go out together, and the batch (and with it the
 * token) commits only once the broker has acknowledged every one of them (acks=all). If Kafka is
 * unreachable the batch fails, nothing is committed, and the processor retries it with back-off
 * until the broker is back: no event is lost, some may be sent twice (each carries its {@code
 * eventId}). There is no dead-letter queue: a parked event would be an event consumers never see.
 *
 * <p>Never replayed: a replay would publish the whole history again.
 */
@ProcessingGroup(IntegrationEventPublisher.GROUP)
@DisallowReplay
class IntegrationEventPublisher {
  static final String GROUP = IntegrationTopics.PUBLISHER_GROUP;
  static final String TYPE_HEADER = "calon-event-type";
  static final String VERSION_HEADER = "calon-schema-version";

  private static final String PENDING = IntegrationEventPublisher.class.getName() + ".pending";

  private final KafkaTemplate<String, byte[]> kafka;
  private final ProducerFactory<String, byte[]> producers;
  private final JsonMapper json;
  private final Duration acknowledgementTimeout;

  IntegrationEventPublisher(
      KafkaTemplate<String, byte[]> kafka,
      ProducerFactory<String, byte[]> producers,
      JsonMapper json,
      Duration acknowledgementTimeout) {
    this.kafka = kafka;
    this.producers = producers;
    this.json = json;
    this.acknowledgementTimeout = acknowledgementTimeout;
  }

  @EventHandler
  void on(Object payload, EventMessage<?> message) {
    long sequence =
        message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
    IntegrationEvents.of(
            payload, UUID.fromString(message.getIdentifier()), message.getTimestamp(), sequence)
        .ifPresent(this::publish);
  }

  private void publish(IntegrationEvent event) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(event.topic(), event.key(), json.writeValueAsBytes(event));
    record
        .headers()
        .add(new RecordHeader(TYPE_HEADER, typeOf(event).getBytes(StandardCharsets.UTF_8)))
        .add(
            new RecordHeader(
                VERSION_HEADER,
                Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8)));
    CompletableFuture<SendResult<String, byte[]>> sent;
    try {
      sent = kafka.send(record);
    } catch (RuntimeException e) {
      resetProducer();
      throw e;
    }
    if (!CurrentUnitOfWork.isStarted()) {
      await(List.of(sent));
      return;
    }
    UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
    List<CompletableFuture<?>> pending =
        batch.getOrComputeResource(
            PENDING,
            key -> {
              List<CompletableFuture<?>> created = new ArrayList<>();
              batch.onPrepareCommit(unitOfWork -> await(created));
              return created;
            });
    pending.add(sent);
  }

  private void await(List<CompletableFuture<?>> sends) {
    long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
    try {
      for (CompletableFuture<?> send : sends) {
        send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      resetProducer();
      throw new IntegrationPublishingException("Kafka did not acknowledge a batch of events", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntegrationPublishingException("Interrupted while waiting for Kafka", e);
    }
  }

  /**
   * A producer that failed may hold state the broker no longer knows (a restarted cluster forgets
   * the producer id): the retry starts with a fresh one.
   */
  private void resetProducer() {
    producers.reset();
  }

  static String typeOf(IntegrationEvent event) {
    return event.getClass().getSimpleName();
  }

  /** The batch is retried; its token has not moved. */
  static final class IntegrationPublishingException extends RuntimeException {
    IntegrationPublishingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
