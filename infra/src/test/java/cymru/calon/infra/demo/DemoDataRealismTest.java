package cymru.calon.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.AchieveOutcome;
import cymru.calon.commands.api.episode.AssignWorker;
import cymru.calon.commands.api.episode.CloseEpisode;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.EndAftercare;
import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.GiveFeedback;
import cymru.calon.commands.api.episode.HandOverWorker;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.PlanAftercare;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.RecordMissedAppointment;
import cymru.calon.commands.api.episode.RecordRelationalCheckIn;
import cymru.calon.commands.api.episode.RecordTrustMilestone;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.VaryServiceContract;
import cymru.calon.commands.api.worker.RecordReflectivePractice;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.RecordWorkerLeft;
import cymru.calon.commands.api.worker.WorkerRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the demo promises, read off the commands of the default history alone: the figures of
 * METRICS.md must tell the relational services and the KPI-driven ones apart.
 */
class DemoDataRealismTest {
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static List<Command> commands;
  private static final Map<ServiceId, CommissionService> services = new HashMap<>();
  private static final Map<EpisodeId, ReceiveReferral> referrals = new HashMap<>();
  private static final Map<WorkerId, ServiceId> serviceOfWorker = new HashMap<>();

  @BeforeAll
  static void generate() {
    commands =
        DemoData.commands(
                new DemoParameters(
                    DemoParameters.DEFAULT_EPISODES,
                    DemoParameters.DEFAULT_MONTHS,
                    DemoParameters.DEFAULT_SEED,
                    END))
            .map(c -> c.command())
            .toList();
    for (Command c : commands) {
      switch (c) {
        case CommissionService s -> services.put(s.serviceId(), s);
        case ReceiveReferral r -> referrals.put(r.episodeId(), r);
        case AssignWorker a -> serviceOfWorker.putIfAbsent(a.workerId(), serviceOf(a));
        case HandOverWorker h -> serviceOfWorker.putIfAbsent(h.toWorkerId(), serviceOf(h));
        case RecordContact rc -> serviceOfWorker.putIfAbsent(rc.workerId(), serviceOf(rc));
        default -> {}
      }
    }
  }

  @Test
  void services_spanFourCohorts_sixAreas_threeOrganisations_andBothStyles() {
    assertThat(services).hasSizeGreaterThanOrEqualTo(6);
    assertThat(services.values().stream().map(CommissionService::cohort).distinct())
        .contains(
            Cohort.SUBSTANCE_USE, Cohort.SANCTUARY, Cohort.HOUSING_SUPPORT, Cohort.MENTAL_HEALTH);
    assertThat(services.values().stream().map(CommissionService::areaCode).distinct())
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(code -> code.matches("W(06|11)0000\\d\\d"));
    assertThat(services.values().stream().map(CommissionService::organisationId).distinct())
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(services.values().stream().filter(s -> kpiDriven(s.serviceId()))).hasSize(4);
    assertThat(services.values().stream().filter(s -> !kpiDriven(s.serviceId()))).hasSize(4);
    assertThat(all(VaryServiceContract.class)).hasSizeBetween(1, 2);
  }

  @Test
  void staff_includePeerMentorsWithLivedExperience_andLeaveMoreOftenInKpiDrivenServices() {
    List<RecordWorkerJoined> joined = all(RecordWorkerJoined.class);
    assertThat(joined)
        .anyMatch(j -> j.role() == WorkerRole.PEER_MENTOR && j.livedExperience())
        .anyMatch(j -> j.role() == WorkerRole.CLINICIAN)
        .anyMatch(j -> j.role() == WorkerRole.MANAGER);
    Set<WorkerId> left =
        all(RecordWorkerLeft.class).stream()
            .map(RecordWorkerLeft::workerId)
            .collect(Collectors.toSet());
    assertThat(share(keyWorkers(true), left::contains))
        .isGreaterThan(1.8 * share(keyWorkers(false), left::contains));
  }

  @Test
  void reflectivePractice_isRegularInRelationalServices_andRareInKpiDrivenOnes() {
    Map<Boolean, Long> minutes =
        all(RecordReflectivePractice.class).stream()
            .filter(r -> serviceOfWorker.containsKey(r.workerId()))
            .collect(
                Collectors.groupingBy(
                    r -> kpiDriven(serviceOfWorker.get(r.workerId())),
                    Collectors.summingLong(RecordReflectivePractice::minutes)));
    double relationalPerWorker = minutes.get(false) / (double) keyWorkers(false).size();
    double kpiPerWorker = minutes.get(true) / (double) keyWorkers(true).size();
    assertThat(relationalPerWorker).isGreaterThan(5 * kpiPerWorker);
  }

  @Test
  void handovers_areWarmInRelationalServices_andColdAfterDeparturesInKpiDrivenOnes() {
    List<HandOverWorker> handovers = all(HandOverWorker.class);
    List<HandOverWorker> relational = handovers.stream().filter(h -> !kpiDriven(h)).toList();
    List<HandOverWorker> kpi = handovers.stream().filter(this::kpiDriven).toList();

    assertThat(share(relational, HandOverWorker::warmIntroduction)).isGreaterThan(0.7);
    assertThat(share(kpi, HandOverWorker::warmIntroduction)).isLessThan(0.3);
    assertThat(kpi).anyMatch(h -> h.reason() == HandoverReason.WORKER_LEFT);
    assertThat(relational).anyMatch(h -> h.reason() == HandoverReason.WORKER_LEFT);
  }

  @Test
  void warmHandovers_followAJointContactWithTheNewWorker() {
    Map<EpisodeId, List<RecordContact>> contacts = byEpisode(all(RecordContact.class));
    List<HandOverWorker> warm =
        all(HandOverWorker.class).stream().filter(HandOverWorker::warmIntroduction).toList();
    assertThat(warm)
        .isNotEmpty()
        .allMatch(
            h ->
                contacts.getOrDefault(h.episodeId(), List.of()).stream()
                    .anyMatch(
                        c ->
                            c.workerId().equals(h.toWorkerId())
                                && !c.occurredAt().isAfter(h.occurredAt())));
  }

  @Test
  void contacts_areLongerInPersonAndPrivateWithChoice_inRelationalServices() {
    List<RecordContact> relational =
        all(RecordContact.class).stream().filter(c -> !kpiDriven(c)).toList();
    List<RecordContact> kpi = all(RecordContact.class).stream().filter(this::kpiDriven).toList();

    assertThat(meanMinutes(relational)).isGreaterThan(2 * meanMinutes(kpi));
    assertThat(share(relational, c -> !c.choicesOffered().isEmpty())).isGreaterThan(0.6);
    assertThat(share(kpi, c -> !c.choicesOffered().isEmpty())).isLessThan(0.2);
    assertThat(share(inPerson(relational), DemoDataRealismTest::privateSetting)).isGreaterThan(0.6);
    assertThat(share(inPerson(kpi), DemoDataRealismTest::privateSetting)).isLessThan(0.4);
    assertThat(share(kpi, RecordContact::storyRetold))
        .isGreaterThan(4 * share(relational, RecordContact::storyRetold));
    assertThat(relational).anyMatch(c -> c.purpose() == ContactPurpose.PEER_SUPPORT);
  }

  @Test
  void interpreters_areMostlyInSanctuaryServices_andInPersonInRelationalOnes() {
    List<RecordContact> interpreted =
        all(RecordContact.class).stream()
            .filter(c -> c.interpreter() != InterpreterUse.NONE)
            .toList();
    assertThat(interpreted.stream().map(RecordContact::interpreter).distinct())
        .contains(InterpreterUse.IN_PERSON, InterpreterUse.PHONE, InterpreterUse.VIDEO);
    assertThat(share(interpreted, c -> cohort(c) == Cohort.SANCTUARY)).isGreaterThan(0.7);
    assertThat(
            share(
                interpreted.stream().filter(c -> !kpiDriven(c)).toList(),
                c -> c.interpreter() == InterpreterUse.IN_PERSON))
        .isGreaterThan(
            2
                * share(
                    interpreted.stream().filter(this::kpiDriven).toList(),
                    c -> c.interpreter() == InterpreterUse.IN_PERSON));
    Set<String> languages = new HashSet<>();
    all(RecordRelationalCheckIn.class).forEach(c -> languages.add(c.language()));
    all(GiveFeedback.class).forEach(f -> languages.add(f.language()));
    assertThat(languages).contains("cy", "en", "ar", "fa", "ps", "ti", "ku", "uk");
  }

  @Test
  void waitingTimes_centreOnTheTwentyWorkingDayTarget() {
    Map<EpisodeId, Instant> firstContact = new HashMap<>();
    all(RecordContact.class)
        .forEach(
            c ->
                firstContact.merge(c.episodeId(), c.occurredAt(), (a, b) -> a.isBefore(b) ? a : b));
    List<Integer> waits =
        firstContact.entrySet().stream()
            .map(e -> weekdaysBetween(referrals.get(e.getKey()).occurredAt(), e.getValue()))
            .sorted()
            .toList();
    assertThat(waits.get(waits.size() / 2)).isBetween(8, 22);
    assertThat(share(waits, w -> w > 20)).isBetween(0.05, 0.5);
  }

  @Test
  void trust_isReachedMoreOftenAndSoonerInRelationalServices() {
    Set<EpisodeId> withTrust =
        all(RecordTrustMilestone.class).stream()
            .map(RecordTrustMilestone::episodeId)
            .collect(Collectors.toSet());
    Set<EpisodeId> contacted =
        all(RecordContact.class).stream().map(RecordContact::episodeId).collect(Collectors.toSet());
    List<EpisodeId> relational = contacted.stream().filter(e -> !kpiDriven(e)).toList();
    List<EpisodeId> kpi = contacted.stream().filter(this::kpiDriven).toList();

    assertThat(share(relational, withTrust::contains)).isGreaterThan(0.6);
    assertThat(share(kpi, withTrust::contains)).isBetween(0.02, 0.4);
    assertThat(all(RecordRelationalCheckIn.class).stream().filter(c -> !kpiDriven(c)).count())
        .isGreaterThan(
            5 * all(RecordRelationalCheckIn.class).stream().filter(this::kpiDriven).count());
  }

  @Test
  void aftercare_followsOutcomesInRelationalServices_only() {
    assertThat(all(PlanAftercare.class)).isNotEmpty().noneMatch(this::kpiDriven);
    assertThat(all(EndAftercare.class)).isNotEmpty().noneMatch(this::kpiDriven);
    List<RecordContact> aftercare =
        all(RecordContact.class).stream()
            .filter(c -> c.purpose() == ContactPurpose.AFTERCARE)
            .toList();
    assertThat(share(aftercare, c -> !kpiDriven(c))).isGreaterThan(0.95);
    assertThat(all(AchieveOutcome.class).stream().filter(this::kpiDriven)).isNotEmpty();
  }

  @Test
  void kpiDrivenServices_closeSoonAfterOutcomes_andAtTheTimeLimit() {
    Map<EpisodeId, Instant> lastOutcome = new HashMap<>();
    all(AchieveOutcome.class)
        .forEach(
            o -> lastOutcome.merge(o.episodeId(), o.occurredAt(), (a, b) -> a.isAfter(b) ? a : b));
    List<CloseEpisode> completions =
        all(CloseEpisode.class).stream()
            .filter(c -> c.reason() == ClosureReason.PLANNED_COMPLETION)
            .filter(c -> lastOutcome.containsKey(c.episodeId()))
            .toList();
    Predicate<CloseEpisode> within14Days =
        c -> Duration.between(lastOutcome.get(c.episodeId()), c.occurredAt()).toDays() < 14;
    assertThat(share(completions.stream().filter(this::kpiDriven).toList(), within14Days))
        .isGreaterThan(0.8);
    assertThat(share(completions.stream().filter(c -> !kpiDriven(c)).toList(), within14Days))
        .isLessThan(0.1);

    List<CloseEpisode> closures = all(CloseEpisode.class);
    assertThat(closures)
        .filteredOn(c -> c.reason() == ClosureReason.FUNDING_TIME_LIMIT)
        .isNotEmpty()
        .allMatch(this::kpiDriven);
    assertThat(
            share(
                closures.stream().filter(c -> c.reason() == ClosureReason.NON_ENGAGEMENT).toList(),
                this::kpiDriven))
        .isGreaterThan(0.8);
    assertThat(referrals.size() - closures.size()).as("episodes still open").isGreaterThan(100);
  }

  @Test
  void missedAppointments_onBothSides_withFollowUps_andTheServicesMissesMostlyUnrecordedInKpi() {
    List<RecordMissedAppointment> missed = all(RecordMissedAppointment.class);
    assertThat(missed)
        .anyMatch(m -> m.missedBy() == MissedBy.SERVICE)
        .anyMatch(m -> m.missedBy() == MissedBy.PERSON && m.followUp() == FollowUp.NONE)
        .anyMatch(m -> m.missedBy() == MissedBy.PERSON && m.followUp() == FollowUp.VISIT);
    double relationalServiceMisses =
        share(
            missed.stream().filter(m -> !kpiDriven(m)).toList(),
            m -> m.missedBy() == MissedBy.SERVICE);
    double kpiServiceMisses =
        share(
            missed.stream().filter(this::kpiDriven).toList(),
            m -> m.missedBy() == MissedBy.SERVICE);
    assertThat(relationalServiceMisses).isGreaterThan(2 * kpiServiceMisses);
  }

  @Test
  void feedback_includesComplaints_translations_andSomeAfterClosure() {
    Map<EpisodeId, Instant> closed = new HashMap<>();
    all(CloseEpisode.class).forEach(c -> closed.put(c.episodeId(), c.occurredAt()));
    List<GiveFeedback> feedback = all(GiveFeedback.class);
    assertThat(feedback).anyMatch(GiveFeedback::complaint).anyMatch(GiveFeedback::translated);
    assertThat(feedback)
        .anyMatch(
            f ->
                closed.containsKey(f.episodeId())
                    && f.occurredAt().isAfter(closed.get(f.episodeId()).plusSeconds(30 * 86_400)));
    assertThat(share(feedback.stream().filter(this::kpiDriven).toList(), GiveFeedback::complaint))
        .isGreaterThan(
            share(feedback.stream().filter(f -> !kpiDriven(f)).toList(), GiveFeedback::complaint));
  }

  @Test
  void people_comeBackWithin180Days_moreOftenAfterClosuresWithoutAftercare() {
    Map<PersonId, List<Instant>> referredAt = new HashMap<>();
    referrals
        .values()
        .forEach(
            r ->
                referredAt
                    .computeIfAbsent(r.personId(), p -> new ArrayList<>())
                    .add(r.occurredAt()));
    Set<EpisodeId> hadAftercare =
        all(RecordContact.class).stream()
            .filter(
                c ->
                    c.purpose() == ContactPurpose.AFTERCARE
                        || c.purpose() == ContactPurpose.FOLLOW_UP)
            .map(RecordContact::episodeId)
            .collect(Collectors.toSet());
    List<CloseEpisode> cohort =
        all(CloseEpisode.class).stream()
            .filter(c -> c.occurredAt().plusSeconds(180 * 86_400L).isBefore(END))
            .filter(
                c ->
                    Set.of(
                            ClosureReason.PLANNED_COMPLETION,
                            ClosureReason.PERSON_CHOSE_TO_END,
                            ClosureReason.NON_ENGAGEMENT,
                            ClosureReason.FUNDING_TIME_LIMIT)
                        .contains(c.reason()))
            .toList();
    Predicate<CloseEpisode> returned =
        c ->
            referredAt.get(referrals.get(c.episodeId()).personId()).stream()
                .anyMatch(
                    at ->
                        at.isAfter(c.occurredAt())
                            && !at.isAfter(c.occurredAt().plusSeconds(180 * 86_400L)));

    double withAftercare =
        share(cohort.stream().filter(c -> hadAftercare.contains(c.episodeId())).toList(), returned);
    double without =
        share(
            cohort.stream().filter(c -> !hadAftercare.contains(c.episodeId())).toList(), returned);
    assertThat(withAftercare).isBetween(0.02, 0.2);
    assertThat(without).isGreaterThan(2 * withAftercare);
  }

  @Test
  void someContacts_areRecordedAfterLaterFactsOfTheirEpisode() {
    Map<EpisodeId, Instant> latest = new HashMap<>();
    int late = 0;
    int contacts = 0;
    for (Command c : commands) {
      if (c instanceof EpisodeCommand e && !(c instanceof GiveFeedback)) {
        Instant before = latest.getOrDefault(e.episodeId(), Instant.MIN);
        if (c instanceof RecordContact) {
          contacts++;
          if (c.occurredAt().isBefore(before)) {
            late++;
          }
        }
        if (c.occurredAt().isAfter(before)) {
          latest.put(e.episodeId(), c.occurredAt());
        }
      }
    }
    assertThat(late / (double) contacts).isBetween(0.02, 0.3);
  }

  // Reading the history.

  private static <T extends Command> List<T> all(Class<T> type) {
    return commands.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static ServiceId serviceOf(EpisodeCommand command) {
    return referrals.get(command.episodeId()).serviceId();
  }

  private boolean kpiDriven(EpisodeCommand command) {
    return kpiDriven(serviceOf(command));
  }

  private boolean kpiDriven(EpisodeId episodeId) {
    return kpiDriven(referrals.get(episodeId).serviceId());
  }

  /** The contract says how a service is run: a time limit, or aftercare. */
  private static boolean kpiDriven(ServiceId serviceId) {
    return services.get(serviceId).kpiTargets().maxEpisodeDays() != null;
  }

  private static Cohort cohort(EpisodeCommand command) {
    return services.get(serviceOf(command)).cohort();
  }

  private static List<WorkerId> keyWorkers(boolean kpiDriven) {
    Set<WorkerId> assigned =
        all(AssignWorker.class).stream().map(AssignWorker::workerId).collect(Collectors.toSet());
    return serviceOfWorker.entrySet().stream()
        .filter(e -> assigned.contains(e.getKey()) && kpiDriven(e.getValue()) == kpiDriven)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static <T> Map<EpisodeId, List<T>> byEpisode(List<T> commands) {
    return commands.stream().collect(Collectors.groupingBy(c -> ((EpisodeCommand) c).episodeId()));
  }

  private static <T> double share(List<T> values, Predicate<? super T> test) {
    assertThat(values).isNotEmpty();
    return values.stream().filter(test).count() / (double) values.size();
  }

  private static List<RecordContact> inPerson(List<RecordContact> contacts) {
    return contacts.stream().filter(c -> c.mode() == ContactMode.IN_PERSON).toList();
  }

  private static boolean privateSetting(RecordContact c) {
    return c.setting() == ContactSetting.PRIVATE_ROOM || c.setting() == ContactSetting.HOME;
  }

  private static double meanMinutes(List<RecordContact> contacts) {
    return contacts.stream().mapToInt(RecordContact::minutes).average().orElseThrow();
  }

  /** Weekdays d with referral date < d ≤ first-contact date (bank holidays ignored here). */
  private static int weekdaysBetween(Instant from, Instant to) {
    int n = 0;
    for (LocalDate d = LocalDate.ofInstant(from, LONDON).plusDays(1);
        !d.isAfter(LocalDate.ofInstant(to, LONDON));
        d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() < 6) {
        n++;
      }
    }
    return n;
  }
}
