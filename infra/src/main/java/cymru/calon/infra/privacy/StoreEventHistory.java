package cymru.calon.infra.privacy;

import cymru.calon.query.people.EventHistory;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** A person's or an episode's events, read from the event store by aggregate identifier. */
@Component
class StoreEventHistory implements EventHistory {
  private final EventStore events;

  StoreEventHistory(EventStore events) {
    this.events = events;
  }

  @Override
  public List<Recorded> eventsOf(String aggregateId) {
    return events
        .readEvents(aggregateId)
        .asStream()
        .map(e -> new Recorded(e.getIdentifier(), e.getTimestamp(), e.getPayload()))
        .toList();
  }
}
