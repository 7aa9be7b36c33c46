package cymru.calon.projections.batch;

import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;

/** The global position of an event, from the token a tracking processor delivered it with. */
public final class EventPosition {
  private EventPosition() {}

  public static OptionalLong of(TrackingToken token) {
    return token == null ? OptionalLong.empty() : token.position();
  }
}
