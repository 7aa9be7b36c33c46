package cymru.calon.infra.integration;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code kafka} in {@code /actuator/health}: the publisher is running and its last batch reached
 * the broker. DOWN while Kafka is unreachable (events wait in the store, nothing is lost); {@code
 * caughtUp} tells whether everything stored has been published.
 */
class IntegrationHealthIndicator extends AbstractHealthIndicator {
  private final EventProcessingConfiguration processing;

  IntegrationHealthIndicator(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("processor", IntegrationEventPublisher.GROUP);
    var processor =
        processing
            .eventProcessor(IntegrationEventPublisher.GROUP, StreamingEventProcessor.class)
            .orElse(null);
    if (processor == null || !processor.isRunning()) {
      builder.down().withDetail("state", "STOPPED");
      return;
    }
    Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
    var error =
        segments.values().stream()
            .filter(EventTrackerStatus::isErrorState)
            .map(EventTrackerStatus::getError)
            .findFirst();
    if (error.isPresent()) {
      // The class only: a message could quote a record.
      builder.down().withDetail("state", "ERROR").withDetail("error", errorName(error.get()));
      return;
    }
    if (segments.isEmpty()) {
      builder.down().withDetail("state", "STARTING");
      return;
    }
    boolean caughtUp = segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    builder.up().withDetail("state", "PUBLISHING").withDetail("caughtUp", caughtUp);
  }

  private static String errorName(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getName();
  }
}
