package cymru.calon.commands.model.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.util.Optional;

/** Command-side lookup of an episode, for the access check. */
@FunctionalInterface
public interface EpisodeLookup {
  Optional<EpisodeFacts> find(EpisodeId episodeId);
}
