package cymru.calon.commands.api.service;

import cymru.calon.commands.api.ids.ServiceId;
import java.time.Instant;

/** Every event of the Service aggregate. */
public sealed interface ServiceEvent permits ServiceCommissioned, ServiceContractVaried {
  ServiceId serviceId();

  Instant occurredAt();
}
