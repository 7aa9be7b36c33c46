package cymru.calon.commands.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cymru.calon.commands.api.CommandMetadata;
import cymru.calon.commands.api.access.Actor;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.VaryServiceContract;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.RecordWorkerLeft;
import cymru.calon.commands.api.worker.WorkerRole;
import cymru.calon.commands.model.episode.EpisodeFacts;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.worker.WorkerFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class CommandAccessInterceptorTest {
  private static final Instant AT = Instant.parse("2025-05-01T09:00:00Z");
  private static final OrganisationId ORG_A = new OrganisationId(UUID.randomUUID());
  private static final OrganisationId ORG_B = new OrganisationId(UUID.randomUUID());
  private static final CommissionerId COMMISSIONER_A = new CommissionerId(UUID.randomUUID());
  private static final CommissionerId COMMISSIONER_B = new CommissionerId(UUID.randomUUID());
  private static final ServiceId SERVICE_A = new ServiceId(UUID.randomUUID());
  private static final WorkerId WORKER_A = new WorkerId(UUID.randomUUID());
  private static final EpisodeId EPISODE_A = new EpisodeId(UUID.randomUUID());

  private static final Actor STAFF_A = Actor.provider("ana", ORG_A);
  private static final Actor STAFF_B = Actor.provider("bryn", ORG_B);
  private static final Actor COMMISSIONS_A = Actor.commissioner("cai", COMMISSIONER_A);
  private static final Actor COMMISSIONS_B = Actor.commissioner("dilys", COMMISSIONER_B);
  private static final Actor POLICY = Actor.policy("pat");
  private static final Actor SYSTEM = Actor.system("demo loader");

  private final CommandAccessInterceptor access =
      new CommandAccessInterceptor(
          List.of(
              new ServiceCommandOwners(
                  id ->
                      id.equals(SERVICE_A)
                          ? Optional.of(new ServiceFacts(SERVICE_A, ORG_A, COMMISSIONER_A))
                          : Optional.empty()),
              new WorkerCommandOwners(
                  id ->
                      id.equals(WORKER_A)
                          ? Optional.of(new WorkerFacts(WORKER_A, ORG_A, AT, null))
                          : Optional.empty()),
              new EpisodeCommandOwners(
                  id ->
                      id.equals(SERVICE_A)
                          ? Optional.of(new ServiceFacts(SERVICE_A, ORG_A, COMMISSIONER_A))
                          : Optional.empty(),
                  id ->
                      id.equals(EPISODE_A)
                          ? Optional.of(new EpisodeFacts(EPISODE_A, SERVICE_A, ORG_A))
                          : Optional.empty())));

  @Test
  void providerStaff_issueCommandsForTheirOwnOrganisationOnly() {
    for (Object command :
        List.of(joined(ORG_A), left(WORKER_A), referral(SERVICE_A), contact(EPISODE_A))) {
      assertAllowed(STAFF_A, command);
      assertRefused(STAFF_B, command);
      assertRefused(COMMISSIONS_A, command);
      assertRefused(POLICY, command);
      assertAllowed(SYSTEM, command);
    }
  }

  @Test
  void commissioners_commissionAndVaryTheirOwnServicesOnly() {
    for (Object command : List.of(commission(COMMISSIONER_A), vary(SERVICE_A))) {
      assertAllowed(COMMISSIONS_A, command);
      assertRefused(COMMISSIONS_B, command);
      assertRefused(STAFF_A, command);
      assertRefused(POLICY, command);
      assertAllowed(SYSTEM, command);
    }
  }

  /** Unknown records are not the access check's to refuse: their aggregate says not found. */
  @Test
  void aCommandOnARecordThatDoesNotExist_passesToBeRefusedAsNotFound() {
    EpisodeId unknown = new EpisodeId(UUID.randomUUID());
    assertAllowed(STAFF_B, contact(unknown));
    assertAllowed(STAFF_B, referral(new ServiceId(UUID.randomUUID())));
    assertAllowed(COMMISSIONS_B, vary(new ServiceId(UUID.randomUUID())));
    // but never for a role that issues no command of that kind
    assertRefused(COMMISSIONS_B, contact(unknown));
    assertRefused(STAFF_B, vary(new ServiceId(UUID.randomUUID())));
    assertRefused(POLICY, contact(unknown));
  }

  @Test
  void aCommandNamingNobody_orNoResolverClaims_isRefused() throws Exception {
    var message = GenericCommandMessage.asCommandMessage(contact(EPISODE_A));
    AtomicBoolean handled = new AtomicBoolean();
    var unitOfWork = DefaultUnitOfWork.startAndGet(message);
    assertThatThrownBy(
            () ->
                access.handle(
                    unitOfWork,
                    () -> {
                      handled.set(true);
                      return null;
                    }))
        .isInstanceOfSatisfying(
            CommandExecutionException.class,
            e -> assertThat(code(e)).isEqualTo(BusinessErrorCode.FORBIDDEN));
    unitOfWork.rollback();
    assertThat(handled).isFalse();

    // a provider named in metadata, and handled
    var named =
        DefaultUnitOfWork.startAndGet(
            GenericCommandMessage.asCommandMessage(contact(EPISODE_A))
                .andMetaData(Map.of(CommandMetadata.ACTOR_ROLE, "PROVIDER")));
    assertThatThrownBy(() -> access.handle(named, () -> null))
        .as("a role without its name and organisation names nobody")
        .isInstanceOf(CommandExecutionException.class);
    named.rollback();
    var complete =
        DefaultUnitOfWork.startAndGet(
            GenericCommandMessage.asCommandMessage(contact(EPISODE_A))
                .andMetaData(STAFF_A.toMetaData()));
    assertThat(access.handle(complete, () -> "handled")).isEqualTo("handled");
    complete.commit();

    CommandAccessInterceptor nothingClaims = new CommandAccessInterceptor(List.of());
    assertThatThrownBy(() -> nothingClaims.check(STAFF_A, contact(EPISODE_A)))
        .isInstanceOf(CommandExecutionException.class);
  }

  @Test
  void anActor_roundTripsThroughMetadata() {
    for (Actor actor : List.of(STAFF_A, COMMISSIONS_B, POLICY, SYSTEM)) {
      assertThat(Actor.fromMetaData(actor.toMetaData())).contains(actor);
    }
    assertThat(Actor.fromMetaData(Map.of())).isEmpty();
    assertThat(
            Actor.fromMetaData(
                Map.of(
                    CommandMetadata.ACTOR_ROLE,
                    "COMMISSIONER",
                    CommandMetadata.ACTOR_NAME,
                    "x",
                    CommandMetadata.ACTOR_ORGANISATION,
                    ORG_A.toString())))
        .isEmpty();
  }

  private void assertAllowed(Actor actor, Object command) {
    access.check(actor, command);
  }

  private void assertRefused(Actor actor, Object command) {
    assertThatThrownBy(() -> access.check(actor, command))
        .as("%s issuing %s", actor.role(), command.getClass().getSimpleName())
        .isInstanceOfSatisfying(
            CommandExecutionException.class,
            e -> assertThat(code(e)).isEqualTo(BusinessErrorCode.FORBIDDEN));
  }

  private static BusinessErrorCode code(CommandExecutionException e) {
    return e.<Rejection>getDetails().orElseThrow().code();
  }

  private static RecordWorkerJoined joined(OrganisationId organisation) {
    return new RecordWorkerJoined(
        new WorkerId(UUID.randomUUID()), organisation, WorkerRole.KEY_WORKER, false, AT);
  }

  private static RecordWorkerLeft left(WorkerId worker) {
    return new RecordWorkerLeft(worker, AT);
  }

  private static ReceiveReferral referral(ServiceId service) {
    return new ReceiveReferral(
        new EpisodeId(UUID.randomUUID()),
        new PersonId(UUID.randomUUID()),
        service,
        ReferralSource.GP,
        AT);
  }

  private static RecordContact contact(EpisodeId episode) {
    return new RecordContact(
        episode,
        new ContactId(UUID.randomUUID()),
        WORKER_A,
        AT,
        30,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.WORKER,
        InterpreterUse.NONE,
        Set.of(),
        false,
        ContactPurpose.SUPPORT);
  }

  private static CommissionService commission(CommissionerId commissioner) {
    return new CommissionService(
        new ServiceId(UUID.randomUUID()),
        ORG_A,
        commissioner,
        "A service",
        Cohort.OTHER,
        "W06000015",
        LocalDate.parse("2025-01-01"),
        LocalDate.parse("2027-01-01"),
        KpiTargets.standard(),
        RelationalCommitments.none(),
        AT);
  }

  private static VaryServiceContract vary(ServiceId service) {
    return new VaryServiceContract(service, null, LocalDate.parse("2028-01-01"), null, null, AT);
  }
}
