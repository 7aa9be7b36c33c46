package cymru.calon.commands.model.access;

import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.model.episode.EpisodeFacts;
import cymru.calon.commands.model.episode.EpisodeLookup;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import java.util.Optional;

/**
 * An episode is the organisation's that runs its service: for {@code ReceiveReferral} the service
 * it names, for every other episode command the episode's own (from {@code episode_facts}).
 */
public final class EpisodeCommandOwners implements CommandOwnerResolver<EpisodeCommand> {
  private final ServiceLookup services;
  private final EpisodeLookup episodes;

  public EpisodeCommandOwners(ServiceLookup services, EpisodeLookup episodes) {
    this.services = services;
    this.episodes = episodes;
  }

  @Override
  public Class<EpisodeCommand> commandType() {
    return EpisodeCommand.class;
  }

  @Override
  public CommandOwner ownerOf(EpisodeCommand command) {
    if (command instanceof ReceiveReferral referral) {
      return CommandOwner.organisation(
          Optional.ofNullable(referral.serviceId())
              .flatMap(services::find)
              .map(ServiceFacts::organisationId));
    }
    if (command.episodeId() == null) {
      // invalid fields, refused by the field rules
      return CommandOwner.organisation(Optional.empty());
    }
    return CommandOwner.organisation(
        episodes.find(command.episodeId()).map(EpisodeFacts::organisationId));
  }
}
