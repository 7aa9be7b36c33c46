package cymru.calon.infra.health;

import cymru.calon.infra.integration.IntegrationTopics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP once every projection's processor is running, has claimed its segments without error, and has
 * caught up with the event store at least once since start (so a fresh or replaying instance does
 * not take traffic with empty read models).
 */
@Component("projections")
class ProjectionsHealthIndicator extends AbstractHealthIndicator {
  /**
   * The integration-event publisher reports as {@code kafka}: a Kafka outage is not a projection
   * that is behind.
   */
  private static final Set<String> NOT_PROJECTIONS = Set.of(IntegrationTopics.PUBLISHER_GROUP);

  private final EventProcessingConfiguration processing;
  private final Map<String, Boolean> caughtUpOnce = new ConcurrentHashMap<>();

  ProjectionsHealthIndicator(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean ready = true;
    Map<String, String> states = new TreeMap<>();
    for (var entry : processing.eventProcessors().entrySet()) {
      if (NOT_PROJECTIONS.contains(entry.getKey())) {
        continue;
      }
      String state = state(entry.getKey(), entry.getValue());
      states.put(entry.getKey(), state);
      ready &= state.equals("READY");
    }
    (ready ? builder.up() : builder.down()).withDetails(states);
  }

  private String state(String name, org.axonframework.eventhandling.EventProcessor processor) {
    if (!processor.isRunning()) {
      return "STOPPED";
    }
    if (!(processor instanceof StreamingEventProcessor streaming)) {
      return "READY";
    }
    Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
    if (segments.isEmpty()) {
      return "STARTING";
    }
    if (segments.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
      return "ERROR";
    }
    if (segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
      caughtUpOnce.put(name, true);
    }
    return caughtUpOnce.getOrDefault(name, false) ? "READY" : "CATCHING_UP";
  }
}
