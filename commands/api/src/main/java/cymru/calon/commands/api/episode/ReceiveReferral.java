package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReceiveReferral(
    @TargetAggregateIdentifier EpisodeId episodeId,
    PersonId personId,
    ServiceId serviceId,
    ReferralSource source,
    Instant occurredAt)
    implements EpisodeCommand {}
