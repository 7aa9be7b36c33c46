package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code warmIntroduction} is true when the new worker was introduced in a joint contact before
 * taking over.
 */
@Revision("1")
public record WorkerHandedOver(
    EpisodeId episodeId,
    WorkerId fromWorkerId,
    WorkerId toWorkerId,
    HandoverReason reason,
    boolean warmIntroduction,
    Instant occurredAt)
    implements EpisodeEvent {}
