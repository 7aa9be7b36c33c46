package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.Sealed;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;

/** A story shared under consent; {@code text} is sealed with the person's key. */
@Revision("1")
public record StoryShared(
    EpisodeId episodeId,
    StoryId storyId,
    Sealed text,
    String language,
    Set<Integer> relationalValues,
    Instant occurredAt)
    implements EpisodeEvent {
  public StoryShared {
    relationalValues = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(relationalValues));
  }
}
