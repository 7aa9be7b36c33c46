package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContactRecorded(
    EpisodeId episodeId,
    ContactId contactId,
    WorkerId workerId,
    Instant occurredAt,
    int minutes,
    ContactMode mode,
    ContactSetting setting,
    InitiatedBy initiatedBy,
    InterpreterUse interpreter,
    Set<Choice> choicesOffered,
    boolean storyRetold,
    ContactPurpose purpose)
    implements EpisodeEvent {
  public ContactRecorded {
    choicesOffered = Choice.ordered(choicesOffered);
  }
}
