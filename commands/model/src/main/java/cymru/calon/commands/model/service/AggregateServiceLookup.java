package cymru.calon.commands.model.service;

import cymru.calon.commands.api.ids.ServiceId;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads the Service aggregate itself, never the query side, so the answer is as current as the
 * event store and consistent with the command being handled.
 */
@Component
class AggregateServiceLookup implements ServiceLookup {
  private final Repository<Service> services;

  AggregateServiceLookup(Repository<Service> services) {
    this.services = services;
  }

  @Override
  public Optional<ServiceFacts> find(ServiceId serviceId) {
    try {
      return Optional.of(services.load(serviceId.toString()).invoke(Service::facts));
    } catch (AggregateNotFoundException e) {
      return Optional.empty();
    }
  }
}
