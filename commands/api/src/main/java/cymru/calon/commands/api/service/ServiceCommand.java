package cymru.calon.commands.api.service;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.ids.ServiceId;

/** Every command handled by the Service aggregate. */
public sealed interface ServiceCommand extends Command
    permits CommissionService, VaryServiceContract {
  ServiceId serviceId();
}
