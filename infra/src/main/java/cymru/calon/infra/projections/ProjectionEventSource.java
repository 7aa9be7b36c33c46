package cymru.calon.infra.projections;

import java.time.Duration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The source the projections' processors read ({@code axon.eventhandling.processors.*.source}): the
 * event store, lingering {@code calon.projections.linger} (50 ms by default; 0 does not wait) once
 * caught up, so that live batches are larger ({@link LingeringEvents}).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionEventSource {
  @Bean
  StreamableMessageSource<TrackedEventMessage<?>> projectionEvents(
      EventStore store, @Value("${calon.projections.linger:50ms}") Duration linger) {
    return new LingeringEvents(store, linger);
  }
}
