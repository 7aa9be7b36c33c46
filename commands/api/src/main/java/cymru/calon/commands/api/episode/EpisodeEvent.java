package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;

/** Every event of the Support episode aggregate. */
public sealed interface EpisodeEvent permits ReferralReceived, ContactRecorded {
  EpisodeId episodeId();

  Instant occurredAt();
}
