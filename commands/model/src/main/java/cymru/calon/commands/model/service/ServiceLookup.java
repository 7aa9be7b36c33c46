package cymru.calon.commands.model.service;

import cymru.calon.commands.api.ids.ServiceId;
import java.util.Optional;

/** Command-side lookup of a service, for other aggregates' invariants. */
@FunctionalInterface
public interface ServiceLookup {
  Optional<ServiceFacts> find(ServiceId serviceId);
}
