package cymru.calon.infra.warehouse;

import cymru.calon.infra.integration.IntegrationEvent;
import cymru.calon.projections.figures.EpisodeFiguresProjection;
import cymru.calon.projections.figures.StaffFiguresProjection;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;

/**
 * Calon's own figures projections, fed from integration events instead of the event store. Each
 * event becomes the message the projections would receive from the store: the domain event it was
 * made from, with the store's identifier, timestamp and sequence number, so the rows written are
 * the same row for row. Its tracking position is the warehouse's own order of arrival, which the
 * projections use only to tell the dashboards' cache that a scope changed.
 */
final class WarehouseProjections {
  private final List<AnnotationEventHandlerAdapter> projections;

  WarehouseProjections(EpisodeFiguresProjection episodes, StaffFiguresProjection staff) {
    this.projections =
        List.of(
            new AnnotationEventHandlerAdapter(staff), new AnnotationEventHandlerAdapter(episodes));
  }

  /** Applies the event; inside a unit of work its rows are written when the unit commits. */
  void apply(IntegrationEvent event, long position) {
    EventMessage<?> message = message(event, position);
    for (AnnotationEventHandlerAdapter projection : projections) {
      if (projection.canHandle(message)) {
        try {
          projection.handle(message);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("A projection failed on " + event.eventId(), e);
        }
      }
    }
  }

  static EventMessage<?> message(IntegrationEvent event, long position) {
    DomainEvents.Stored stored = DomainEvents.of(event);
    GenericDomainEventMessage<Object> domain =
        new GenericDomainEventMessage<>(
            stored.aggregateType(),
            stored.aggregateId(),
            stored.sequence(),
            stored.payload(),
            MetaData.emptyInstance(),
            event.eventId().toString(),
            event.recordedAt());
    return new GenericTrackedDomainEventMessage<>(
        new GlobalSequenceTrackingToken(position), domain);
  }
}
