package cymru.calon.commands.api.ids;

import java.util.UUID;

/**
 * A typed, caller-chosen identifier. On the wire and in stored events every identifier is its bare
 * UUID string, so the typed wrappers cost nothing in the frozen JSON contract.
 */
public sealed interface Identifier
    permits ServiceId,
        OrganisationId,
        CommissionerId,
        EpisodeId,
        StoryId,
        PersonId,
        WorkerId,
        ContactId,
        OutcomeId {
  UUID value();
}
