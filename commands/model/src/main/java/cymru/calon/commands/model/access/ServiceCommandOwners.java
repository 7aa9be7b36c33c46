package cymru.calon.commands.model.access;

import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.ServiceCommand;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import java.util.Optional;

/**
 * A service's contract is the commissioner's: {@code CommissionService} is for the commissioner it
 * names, {@code VaryServiceContract} for the one who commissioned the service.
 */
public final class ServiceCommandOwners implements CommandOwnerResolver<ServiceCommand> {
  private final ServiceLookup services;

  public ServiceCommandOwners(ServiceLookup services) {
    this.services = services;
  }

  @Override
  public Class<ServiceCommand> commandType() {
    return ServiceCommand.class;
  }

  @Override
  public CommandOwner ownerOf(ServiceCommand command) {
    if (command instanceof CommissionService commission) {
      return CommandOwner.commissioner(commission.commissionerId());
    }
    return CommandOwner.commissioner(
        Optional.ofNullable(command.serviceId())
            .flatMap(services::find)
            .map(ServiceFacts::commissionerId));
  }
}
