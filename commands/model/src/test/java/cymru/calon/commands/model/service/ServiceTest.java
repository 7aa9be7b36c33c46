package cymru.calon.commands.model.service;

import static cymru.calon.commands.model.rules.Rejections.withCode;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.service.VaryServiceContract;
import cymru.calon.commands.model.rules.CommandRulesInterceptor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceTest {
  private final ServiceId serviceId = new ServiceId(UUID.randomUUID());
  private final OrganisationId organisation = new OrganisationId(UUID.randomUUID());
  private final CommissionerId commissioner = new CommissionerId(UUID.randomUUID());
  private final Instant at = Instant.parse("2025-03-01T09:00:00Z");
  private AggregateTestFixture<Service> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Service.class);
  }

  @Test
  void commissionService_commissions_withDefaultWaitingTarget() {
    fixture
        .givenNoPriorActivity()
        .when(command(null))
        .expectEvents(
            new ServiceCommissioned(
                serviceId,
                organisation,
                commissioner,
                "Cardiff Housing Support",
                Cohort.HOUSING_SUPPORT,
                "W06000015",
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2028, 3, 31),
                new KpiTargets(20, null),
                RelationalCommitments.none(),
                at));
  }

  @Test
  void commissionService_rejected_whenAlreadyCommissioned() {
    fixture
        .givenCommands(command(null))
        .when(command(new KpiTargets(10, 90)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.SERVICE_ALREADY_COMMISSIONED));
  }

  @Test
  void varyServiceContract_recordsChangedTerms() {
    fixture
        .givenCommands(command(null))
        .when(
            new VaryServiceContract(
                serviceId,
                null,
                LocalDate.of(2029, 3, 31),
                null,
                new RelationalCommitments(26, 18),
                at))
        .expectEvents(
            new ServiceContractVaried(
                serviceId,
                null,
                LocalDate.of(2029, 3, 31),
                null,
                new RelationalCommitments(26, 18),
                at));
  }

  @Test
  void varyServiceContract_rejected_whenTheContractWouldEndBeforeItStarts() {
    fixture
        .givenCommands(command(null))
        .when(new VaryServiceContract(serviceId, null, LocalDate.of(2025, 3, 31), null, null, at))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONTRACT_END_NOT_AFTER_START));
  }

  @Test
  void varyServiceContract_rejected_whenAnEarlierVariationMovedTheStart() {
    fixture
        .givenCommands(
            command(null),
            new VaryServiceContract(serviceId, LocalDate.of(2026, 4, 1), null, null, null, at))
        .when(new VaryServiceContract(serviceId, null, LocalDate.of(2026, 3, 31), null, null, at))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONTRACT_END_NOT_AFTER_START));
  }

  @Test
  void varyServiceContract_rejected_whenServiceUnknown() {
    fixture.registerCommandHandlerInterceptor(
        new CommandRulesInterceptor(Clock.fixed(at, ZoneOffset.UTC)));
    fixture
        .givenNoPriorActivity()
        .when(new VaryServiceContract(serviceId, null, LocalDate.of(2029, 3, 31), null, null, at))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.SERVICE_NOT_FOUND));
  }

  private CommissionService command(KpiTargets targets) {
    return new CommissionService(
        serviceId,
        organisation,
        commissioner,
        "Cardiff Housing Support",
        Cohort.HOUSING_SUPPORT,
        "W06000015",
        LocalDate.of(2025, 4, 1),
        LocalDate.of(2028, 3, 31),
        targets,
        null,
        at);
  }
}
