package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralReceived(
    EpisodeId episodeId,
    PersonId personId,
    ServiceId serviceId,
    ReferralSource source,
    Instant occurredAt)
    implements EpisodeEvent {}
