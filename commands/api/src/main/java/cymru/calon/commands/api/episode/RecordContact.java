package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Booleans and numbers are boxed so that a missing field is refused rather than defaulted. */
public record RecordContact(
    @TargetAggregateIdentifier EpisodeId episodeId,
    ContactId contactId,
    WorkerId workerId,
    Instant occurredAt,
    Integer minutes,
    ContactMode mode,
    ContactSetting setting,
    InitiatedBy initiatedBy,
    InterpreterUse interpreter,
    Set<Choice> choicesOffered,
    Boolean storyRetold,
    ContactPurpose purpose)
    implements EpisodeCommand {
  public RecordContact {
    choicesOffered = choicesOffered == null ? null : Choice.ordered(choicesOffered);
  }
}
