package cymru.calon.infra.projections;

import cymru.calon.infra.integration.IntegrationTopics;
import cymru.calon.query.dashboard.ProjectionProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * The projections' progress as this node's tracking processors report it: behind while any of them
 * runs a segment that has not caught up with the store or is replaying. The integration-event
 * publisher is not a projection and does not count.
 */
@Component
class ProcessorProgress implements ProjectionProgress {
  private final EventProcessingConfiguration processing;

  ProcessorProgress(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  @Override
  public boolean behind() {
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
