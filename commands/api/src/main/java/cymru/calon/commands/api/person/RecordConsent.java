package cymru.calon.commands.api.person;

import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a person giving ({@code granted}) or withdrawing consent for one scope. */
public record RecordConsent(
    @TargetAggregateIdentifier PersonId personId,
    ConsentScope scope,
    Boolean granted,
    Instant occurredAt)
    implements PersonCommand {}
