package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.CarriesPersonalData;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A person shares their story, in their words. {@code text} is personal data: it is sealed with the
 * person's key before anything is stored. {@code relationalValues} are the numbers (1..12) of the
 * twelve relational values of DOMAIN.md the story speaks to.
 */
public record ShareStory(
    @TargetAggregateIdentifier EpisodeId episodeId,
    StoryId storyId,
    String text,
    String language,
    Set<Integer> relationalValues,
    Instant occurredAt)
    implements EpisodeCommand, CarriesPersonalData {
  @Override
  public String toString() {
    return "ShareStory[episodeId=" + episodeId + ", storyId=" + storyId + ", text=sealed]";
  }
}
