package cymru.calon.query.people;

import java.time.Instant;
import java.util.List;

/** The events of one aggregate, from the event store, in the order they were appended. */
public interface EventHistory {
  List<Recorded> eventsOf(String aggregateId);

  /** One stored event: its identifier, the store's timestamp, the domain event. */
  record Recorded(String eventId, Instant recordedAt, Object payload) {}
}
