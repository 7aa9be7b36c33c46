package cymru.calon.infra.demo;

import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.InterpreterUse;
import java.util.List;

/**
 * How a service works, as the research describes the two ends of the range. The figures are
 * assumptions chosen to make the contrast visible on the dashboards, not measurements; each pair
 * reads relational first, KPI-driven second.
 */
enum Practice {
  /** One consistent worker, time, choice, warm handovers, aftercare after an outcome. */
  RELATIONAL,
  /** Time limits and targets: quick triage, short contacts, closure soon after an outcome. */
  KPI_DRIVEN;

  boolean relational() {
    return this == RELATIONAL;
  }

  private double either(double relational, double kpi) {
    return this == RELATIONAL ? relational : kpi;
  }

  // Staff.

  int caseloadTarget() {
    return relational() ? 15 : 30;
  }

  /** Mean days from referral to closure, to size the team. */
  double meanEpisodeDays() {
    return either(210, 75);
  }

  double annualTurnover() {
    return either(0.12, 0.45);
  }

  /** Departures that still allow a warm handover (the rest are sudden: sickness, walkouts). */
  double plannedDepartureShare() {
    return either(0.85, 0.1);
  }

  // The first contact: working days after referral.

  double meanWaitingWorkingDays() {
    return either(17, 9);
  }

  double sdWaitingWorkingDays() {
    return either(7, 5);
  }

  // Contacts.

  int minIntervalDays() {
    return relational() ? 5 : 10;
  }

  int maxIntervalDays() {
    return relational() ? 9 : 20;
  }

  double choiceShare() {
    return either(0.75, 0.12);
  }

  double storyRetoldFirstContact() {
    return either(0.2, 0.6);
  }

  /** A worker the person has not met before, without a warm introduction. */
  double storyRetoldNewWorker() {
    return either(0.35, 0.9);
  }

  /** A worker the person knows: information still gets lost in busy services. */
  double storyRetoldKnownWorker() {
    return either(0.02, 0.2);
  }

  /** Share of trust kept after a change of worker without a warm introduction. */
  double trustKeptOnColdChange() {
    return either(0.5, 0.3);
  }

  /** Whether a worker observes and records a trust milestone when it happens. */
  double milestoneRecorded() {
    return either(1.0, 0.75);
  }

  int checkInEveryDays() {
    return relational() ? 42 : 0;
  }

  /** KPI-driven services do at most one check-in, and only some of them. */
  double singleCheckInShare() {
    return either(0, 0.3);
  }

  double checkInBaseScore() {
    return either(3.6, 2.7);
  }

  // Missed appointments.

  double personMissRate() {
    return either(0.1, 0.17);
  }

  double serviceMissRate() {
    return either(0.03, 0.08);
  }

  /** Appointments the service missed that it writes down. */
  double serviceMissRecorded() {
    return either(1.0, 0.2);
  }

  FollowUp personMissFollowUp(Simulation sim) {
    return relational()
        ? sim.weighted(FOLLOW_UPS, 0.05, 0.4, 0.25, 0.25, 0.05)
        : sim.weighted(FOLLOW_UPS, 0.3, 0.15, 0.1, 0.0, 0.45);
  }

  /** Consecutive missed appointments after which the person may be discharged. */
  int missesBeforeDischarge() {
    return relational() ? 4 : 2;
  }

  double dischargeOnMisses() {
    return either(0.35, 0.85);
  }

  // Interpreters.

  InterpreterUse inPersonInterpreter(Simulation sim) {
    return relational()
        ? sim.weighted(INTERPRETERS, 0.02, 0.75, 0.15, 0.08)
        : sim.weighted(INTERPRETERS, 0.1, 0.15, 0.6, 0.15);
  }

  // Outcomes, aftercare and closure.

  /** Per attended contact once the service is working towards an outcome. */
  double outcomeChance() {
    return either(0.1, 0.14);
  }

  double personDefinedOutcome() {
    return either(0.8, 0.3);
  }

  /** KPI-driven services close soon after an outcome; a few make one follow-up call first. */
  double followUpCallBeforeClosure() {
    return either(1.0, 0.12);
  }

  int maxDaysWithoutOutcome() {
    return relational() ? 540 : 3650;
  }

  // Voice.

  double feedbackShare() {
    return either(0.45, 0.2);
  }

  double complaintShare() {
    return either(0.04, 0.14);
  }

  // Recording.

  double lateRecordingShare() {
    return either(0.15, 0.35);
  }

  int maxLateDays() {
    return relational() ? 5 : 14;
  }

  // Reflective practice.

  /** Every fourth week for everyone in relational services; rarely otherwise. */
  double supervisionChance() {
    return either(0.95, 0.6);
  }

  int supervisionEveryWeeks() {
    return relational() ? 4 : 12;
  }

  private static final List<FollowUp> FOLLOW_UPS =
      List.of(FollowUp.NONE, FollowUp.CALL, FollowUp.MESSAGE, FollowUp.VISIT, FollowUp.LETTER);
  private static final List<InterpreterUse> INTERPRETERS =
      List.of(
          InterpreterUse.NONE,
          InterpreterUse.IN_PERSON,
          InterpreterUse.PHONE,
          InterpreterUse.VIDEO);
}
