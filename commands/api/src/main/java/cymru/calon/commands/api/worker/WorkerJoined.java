package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code livedExperience} is true when the worker brings lived experience of what the service
 * supports (e.g. a peer mentor).
 */
@Revision("1")
public record WorkerJoined(
    WorkerId workerId,
    OrganisationId organisationId,
    WorkerRole role,
    boolean livedExperience,
    Instant occurredAt)
    implements WorkerEvent {}
