package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.VaryServiceContract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the history up: the organisations, the commissioned services and their teams, the stream of
 * new people referred to each service, and two contract variations. Everything after that is the
 * simulation's ({@link Team}, {@link Episodes}).
 */
final class DemoHistory {
  /**
   * New people are fewer than episodes: some come back (re-referrals). Calibrated on the default
   * history, where episodes referred in its last months are also fewer (arrivals start at zero).
   */
  private static final double EPISODES_PER_PERSON = 1.10;

  private final Simulation sim;
  private final WorkingTime time = new WorkingTime();
  private final DemoParameters parameters;
  private final List<ServiceRun> services = new ArrayList<>();
  private Episodes episodes;

  private DemoHistory(DemoParameters parameters) {
    this.parameters = parameters;
    this.sim = new Simulation(parameters.seed(), parameters.end());
  }

  /**
   * The organisations and commissioners, by {@link Catalogue} index: the first ids a history draws,
   * so they depend on the seed alone.
   */
  static DemoData.Parties parties(Simulation sim) {
    List<OrganisationId> organisations = new ArrayList<>();
    for (int i = 0; i < Catalogue.ORGANISATIONS; i++) {
      organisations.add(new OrganisationId(sim.id("organisation")));
    }
    List<CommissionerId> commissioners = new ArrayList<>();
    for (int i = 0; i < Catalogue.COMMISSIONERS; i++) {
      commissioners.add(new CommissionerId(sim.id("commissioner")));
    }
    return new DemoData.Parties(List.copyOf(organisations), List.copyOf(commissioners));
  }

  static Simulation start(DemoParameters parameters) {
    DemoHistory history = new DemoHistory(parameters);
    history.setUp();
    return history.sim;
  }

  private void setUp() {
    Instant start = parameters.start();
    double spanDays = Duration.between(start, parameters.end()).getSeconds() / 86_400.0;
    DemoData.Parties parties = parties(sim);
    List<OrganisationId> organisations = parties.organisations();
    List<CommissionerId> commissioners = parties.commissioners();
    LocalDate contractStart = WorkingTime.date(start).withDayOfMonth(1);
    LocalDate contractEnd = contractStart.plusMonths(parameters.months() + 12L);
    Instant commissionedAt =
        WorkingTime.officeHours(time.onOrAfter(contractStart.minusDays(45)), sim.rng);

    for (Catalogue.Plan plan : Catalogue.SERVICES) {
      OrganisationId organisation = organisations.get(plan.organisation());
      ServiceRun run =
          new ServiceRun(
              plan,
              new ServiceId(sim.id("service")),
              organisation,
              new Team(sim, time, organisation, plan.practice(), start));
      services.add(run);
      sim.record(
          commissionedAt,
          new CommissionService(
              run.serviceId,
              organisation,
              commissioners.get(plan.commissioner()),
              plan.name(),
              plan.cohort(),
              plan.areaCode(),
              contractStart,
              contractEnd,
              new KpiTargets(KpiTargets.DEFAULT_WAITING_WORKING_DAYS, plan.maxEpisodeDays()),
              plan.practice().relational()
                  ? new RelationalCommitments(
                      plan.aftercareWeeks(), plan.practice().caseloadTarget())
                  : RelationalCommitments.none(),
              commissionedAt));
    }

    episodes = new Episodes(sim, time, services);
    double totalWeight = Catalogue.SERVICES.stream().mapToDouble(Catalogue.Plan::weight).sum();
    for (ServiceRun run : services) {
      double share = parameters.episodes() * run.plan.weight() / totalWeight;
      double newPeople = share / EPISODES_PER_PERSON;
      double openAtOnce = share / spanDays * run.practice.meanEpisodeDays();
      int keyWorkers = Math.max(3, (int) Math.ceil(openAtOnce / run.practice.caseloadTarget()));
      int peerMentors =
          run.practice.relational()
              ? Math.max(1, keyWorkers / 4)
              : run.plan.cohort() == Cohort.SUBSTANCE_USE ? 1 : 0;
      boolean clinician =
          run.plan.cohort() == Cohort.SUBSTANCE_USE || run.plan.cohort() == Cohort.MENTAL_HEALTH;
      run.team.handOversTo(episodes);
      run.team.staff(keyWorkers, peerMentors, clinician);
      arrivals(run, start, spanDays / newPeople);
    }
    varyContracts(start, spanDays);
  }

  /**
   * New people arrive as a Poisson process in calendar time; each is referred in office hours on
   * the first working day on or after their arrival.
   */
  private void arrivals(ServiceRun run, Instant after, double meanGapDays) {
    Instant arrival = after.plusSeconds((long) (sim.rng.nextExponential() * meanGapDays * 86_400));
    Instant referredAt =
        WorkingTime.officeHours(time.onOrAfter(WorkingTime.date(arrival)), sim.rng);
    if (!referredAt.isAfter(arrival)
        && WorkingTime.date(referredAt).equals(WorkingTime.date(arrival))) {
      referredAt = arrival;
    }
    sim.at(
        referredAt,
        () -> {
          episodes.refer(
              run,
              newPerson(run.plan.cohort()),
              sim.weighted(Catalogue.SOURCES, Catalogue.sourceWeights(run.plan.cohort())));
          arrivals(run, arrival, meanGapDays);
        });
  }

  private ServiceRun service(String name) {
    return services.stream().filter(s -> s.plan.name().equals(name)).findFirst().orElseThrow();
  }

  private Person newPerson(Cohort cohort) {
    String language;
    boolean interpreter;
    if (cohort == Cohort.SANCTUARY) {
      language = sim.weighted(Catalogue.SANCTUARY_LANGUAGES, Catalogue.SANCTUARY_LANGUAGE_WEIGHTS);
      interpreter = !language.equals("en") && sim.chance(0.85);
    } else {
      language = sim.weighted(Catalogue.LANGUAGES, Catalogue.LANGUAGE_WEIGHTS);
      interpreter = !language.equals("en") && !language.equals("cy") && sim.chance(0.6);
    }
    return new Person(
        new PersonId(sim.id("person")), language, interpreter, sim.uniform(0.2, 1.0), 0);
  }

  /**
   * Two variations: a funding cut shortens one KPI-driven service's time limit; a relational
   * service's contract is extended with longer aftercare.
   */
  private void varyContracts(Instant start, double spanDays) {
    ServiceRun cut = service("Bridgend Tenancy Support");
    Instant cutAt =
        WorkingTime.officeHours(
            time.onOrAfter(WorkingTime.date(start.plusSeconds((long) (spanDays * 0.45 * 86_400)))),
            sim.rng);
    sim.at(
        cutAt,
        () -> {
          cut.maxEpisodeDays = 56;
          sim.record(
              sim.now().plus(Duration.ofHours(1)),
              new VaryServiceContract(
                  cut.serviceId,
                  null,
                  null,
                  new KpiTargets(KpiTargets.DEFAULT_WAITING_WORKING_DAYS, 56),
                  null,
                  sim.now()));
        });

    ServiceRun extended = service("Wrexham Housing Support");
    Instant extendedAt =
        WorkingTime.officeHours(
            time.onOrAfter(WorkingTime.date(start.plusSeconds((long) (spanDays * 0.6 * 86_400)))),
            sim.rng);
    LocalDate newEnd =
        WorkingTime.date(start).withDayOfMonth(1).plusMonths(parameters.months() + 36L);
    sim.at(
        extendedAt,
        () -> {
          extended.aftercareWeeks = 16;
          sim.record(
              sim.now().plus(Duration.ofHours(1)),
              new VaryServiceContract(
                  extended.serviceId,
                  null,
                  newEnd,
                  null,
                  new RelationalCommitments(16, extended.practice.caseloadTarget()),
                  sim.now()));
        });
  }
}
