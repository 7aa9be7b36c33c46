package cymru.calon.commands.model.worker;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;

/**
 * What other aggregates may know of a worker.
 *
 * @param leftAt null while the worker is in post
 */
public record WorkerFacts(
    WorkerId workerId, OrganisationId organisationId, Instant joinedAt, Instant leftAt) {
  /** In post from the moment of joining until, but not including, the moment of leaving. */
  public boolean inPostAt(Instant instant) {
    return !instant.isBefore(joinedAt) && (leftAt == null || instant.isBefore(leftAt));
  }
}
