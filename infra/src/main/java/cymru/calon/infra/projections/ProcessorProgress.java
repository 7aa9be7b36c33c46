package cymru.calon.infra.projections;

import cymru.calon.infra.integration.IntegrationTopics;
import cymru.calon.query.dashboard.ProjectionProgress;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' progress as this node's tracking processors report it: behind while any of them
 * runs a segment that has not caught up with the store or is replaying, and while a replay's
 * deferred indexes have not been built again ({@link DeferredIndexBuilder}). The integration-event
 * publisher is not a projection and does not count.
 */
@Component
class ProcessorProgress implements ProjectionProgress {
  private final EventProcessingConfiguration processing;
  private final BooleanSupplier indexesDeferred;

  @Autowired
  ProcessorProgress(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
    this(
        processing,
        () ->
            Boolean.TRUE.equals(
                jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM read_model.deferred_index)", Boolean.class)));
  }

  ProcessorProgress(EventProcessingConfiguration processing, BooleanSupplier indexesDeferred) {
    this.processing = processing;
    this.indexesDeferred = indexesDeferred;
  }

  @Override
  public boolean behind() {
    if (indexesDeferred.getAsBoolean()) {
      return true;
    }
    for (var entry : processing.eventProcessors().entrySet()) {
      if (entry.getKey().equals(IntegrationTopics.PUBLISHER_GROUP)
          || !(entry.getValue() instanceof StreamingEventProcessor processor)
          || !processor.isRunning()) {
        continue;
      }
      for (EventTrackerStatus segment : processor.processingStatus().values()) {
        if (!segment.isCaughtUp() || segment.isReplaying()) {
          return true;
        }
      }
    }
    return false;
  }
}
