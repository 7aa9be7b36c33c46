package cymru.calon.commands.model.service;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.service.VaryServiceContract;
import cymru.calon.commands.model.rules.CommandRejectedException;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A commissioned service: the contract a provider organisation delivers. */
@Aggregate(cache = "serviceCache")
class Service {
  @AggregateIdentifier private ServiceId serviceId;
  private LocalDate contractStart;
  private LocalDate contractEnd;

  private Service() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(CommissionService command) {
    assertNotCommissioned();
    apply(
        new ServiceCommissioned(
            command.serviceId(),
            command.organisationId(),
            command.commissionerId(),
            command.name(),
            command.cohort(),
            command.areaCode(),
            command.contractStart(),
            command.contractEnd(),
            command.kpiTargets(),
            command.relationalCommitments(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(VaryServiceContract command) {
    assertEndAfterStart(
        command.contractStart() == null ? contractStart : command.contractStart(),
        command.contractEnd() == null ? contractEnd : command.contractEnd());
    apply(
        new ServiceContractVaried(
            command.serviceId(),
            command.contractStart(),
            command.contractEnd(),
            command.kpiTargets(),
            command.relationalCommitments(),
            command.occurredAt()));
  }

  private void assertNotCommissioned() {
    if (serviceId != null) {
      throw new CommandRejectedException(
          BusinessErrorCode.SERVICE_ALREADY_COMMISSIONED,
          "Service " + serviceId + " is already commissioned.");
    }
  }

  private void assertEndAfterStart(LocalDate start, LocalDate end) {
    if (!end.isAfter(start)) {
      throw new CommandRejectedException(
          BusinessErrorCode.CONTRACT_END_NOT_AFTER_START,
          "The varied contract of service " + serviceId + " would end before it starts.");
    }
  }

  @EventSourcingHandler
  void on(ServiceCommissioned event) {
    serviceId = event.serviceId();
    contractStart = event.contractStart();
    contractEnd = event.contractEnd();
  }

  @EventSourcingHandler
  void on(ServiceContractVaried event) {
    if (event.contractStart() != null) {
      contractStart = event.contractStart();
    }
    if (event.contractEnd() != null) {
      contractEnd = event.contractEnd();
    }
  }
}
