package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.worker.RecordReflectivePractice;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.RecordWorkerLeft;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.WorkerRole;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The workers of one service, all of the organisation that runs it: who joins, who leaves and when,
 * who takes which episode, and their reflective practice.
 */
final class Team {
  private static final Duration NOTICE = Duration.ofDays(28);
  private static final double DAYS_PER_YEAR = 365.25;

  private final Simulation sim;
  private final WorkingTime time;
  private final OrganisationId organisationId;
  private final Practice practice;
  private final Instant historyStarts;
  private Episodes episodes;

  /** Workers in post now, in the order they joined. */
  private final List<Member> members = new ArrayList<>();

  Team(
      Simulation sim,
      WorkingTime time,
      OrganisationId organisationId,
      Practice practice,
      Instant historyStarts) {
    this.sim = sim;
    this.time = time;
    this.organisationId = organisationId;
    this.practice = practice;
    this.historyStarts = historyStarts;
  }

  void handOversTo(Episodes episodes) {
    this.episodes = episodes;
  }

  /** The team in post when the history starts, having joined over the years before. */
  void staff(int keyWorkers, int peerMentors, boolean clinician) {
    join(WorkerRole.MANAGER, false, joinedBefore());
    for (int i = 0; i < keyWorkers; i++) {
      WorkerRole role = clinician && i == 0 ? WorkerRole.CLINICIAN : WorkerRole.KEY_WORKER;
      join(role, livedExperience(), joinedBefore());
    }
    for (int i = 0; i < peerMentors; i++) {
      join(WorkerRole.PEER_MENTOR, true, joinedBefore());
    }
    scheduleReflectivePractice();
  }

  private Instant joinedBefore() {
    return WorkingTime.officeHours(
        time.onOrAfter(WorkingTime.date(historyStarts).minusDays(sim.between(14, 1500))), sim.rng);
  }

  private boolean livedExperience() {
    return sim.chance(practice.relational() ? 0.25 : 0.1);
  }

  /** Records the joining now (or, for the team at the start, at its own time) and plans leaving. */
  private Member join(WorkerRole role, boolean livedExperience, Instant joinedAt) {
    Member member = new Member(new WorkerId(sim.id("worker")), role, livedExperience, joinedAt);
    sim.record(
        joinedAt,
        new RecordWorkerJoined(member.workerId, organisationId, role, livedExperience, joinedAt));
    members.add(member);
    if (role != WorkerRole.MANAGER) {
      planDeparture(member);
    }
    return member;
  }

  private void joinAt(Instant at, WorkerRole role, boolean livedExperience) {
    sim.at(at, () -> join(role, livedExperience, sim.now()));
  }

  private void planDeparture(Member member) {
    Instant from = member.joinedAt.isBefore(historyStarts) ? historyStarts : member.joinedAt;
    double years = sim.rng.nextExponential() / practice.annualTurnover();
    Instant leaves =
        WorkingTime.officeHours(
            time.onOrAfter(
                WorkingTime.date(from.plusSeconds((long) (years * DAYS_PER_YEAR * 86_400)))),
            sim.rng);
    if (leaves.isAfter(sim.end) || !leaves.isAfter(from.plus(Duration.ofDays(14)))) {
      return;
    }
    member.leavesAt = leaves;
    Instant notice = leaves.minus(NOTICE);
    sim.at(notice.isBefore(from) ? from : notice, () -> notice(member));
    sim.at(leaves, () -> leave(member));
  }

  /**
   * A worker hands in their notice. A planned departure leaves time to recruit and to introduce
   * each of their people to a new worker; a sudden one does not.
   */
  private void notice(Member member) {
    member.leaving = true;
    boolean planned = sim.chance(practice.plannedDepartureShare());
    Instant leaves = member.leavesAt;
    if (planned) {
      Instant replacementJoins = time.workingDayAfter(sim.now(), sim.between(1, 6), sim.rng);
      if (replacementJoins.isBefore(leaves.minus(Duration.ofDays(10)))) {
        joinAt(replacementJoins, member.role, member.livedExperience || livedExperience());
        sim.at(
            replacementJoins.plus(Duration.ofDays(1)),
            () -> episodes.planWarmHandovers(member, leaves));
        return;
      }
    }
    joinAt(
        time.workingDayAfter(leaves, sim.between(14, 56), sim.rng),
        member.role,
        member.role == WorkerRole.PEER_MENTOR || livedExperience());
  }

  private void leave(Member member) {
    sim.record(sim.now(), new RecordWorkerLeft(member.workerId, sim.now()));
    members.remove(member);
    for (Episode episode : List.copyOf(member.caseload)) {
      episodes.handOverAfterDeparture(episode, member);
    }
  }

  /** The key worker for a new or handed-over episode: the least loaded who is staying. */
  Member allocate(Instant at, Member except) {
    Member best = null;
    for (Member m : members) {
      if (m.keyWorks() && !m.leaving && m != except && m.inPostAt(at)) {
        if (best == null || m.load() < best.load()) {
          best = m;
        }
      }
    }
    return best != null ? best : manager();
  }

  /** Whoever is on duty when the key worker is gone: anyone in post who key-works. */
  Member duty(Instant at) {
    List<Member> inPost = new ArrayList<>();
    for (Member m : members) {
      if (m.keyWorks() && m.inPostAt(at)) {
        inPost.add(m);
      }
    }
    return inPost.isEmpty() ? manager() : sim.pick(inPost);
  }

  /** A peer mentor in post, if the team has one. */
  Member peerMentor(Instant at) {
    List<Member> peers = new ArrayList<>();
    for (Member m : members) {
      if (m.role == WorkerRole.PEER_MENTOR && m.inPostAt(at)) {
        peers.add(m);
      }
    }
    return peers.isEmpty() ? null : sim.pick(peers);
  }

  /** The manager never leaves in this history, so a team always has someone to hold a case. */
  private Member manager() {
    return members.getFirst();
  }

  // Reflective practice: weekly, from the first Monday of the history.

  private void scheduleReflectivePractice() {
    LocalDate monday =
        WorkingTime.date(historyStarts).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    scheduleWeek(monday, 0);
  }

  private void scheduleWeek(LocalDate monday, int week) {
    sim.at(
        monday.atStartOfDay(WorkingTime.LONDON).plusHours(8).toInstant(),
        () -> {
          reflect(monday, week);
          scheduleWeek(monday.plusWeeks(1), week + 1);
        });
  }

  private void reflect(LocalDate monday, int week) {
    boolean relational = practice.relational();
    Instant group = monday.plusDays(2).atStartOfDay(WorkingTime.LONDON).plusHours(14).toInstant();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      if ((week + i) % practice.supervisionEveryWeeks() == 0
          && sim.chance(practice.supervisionChance())) {
        Instant at =
            WorkingTime.officeHours(time.onOrAfter(monday.plusDays(sim.between(0, 3))), sim.rng);
        ReflectivePracticeKind kind =
            m.role == WorkerRole.CLINICIAN
                ? ReflectivePracticeKind.CLINICAL_SUPERVISION
                : ReflectivePracticeKind.SUPERVISION;
        reflect(m, at, relational ? sim.normal(60, 10, 30, 90) : sim.normal(35, 8, 15, 60), kind);
      }
      if (relational && week % 4 == 2) {
        reflect(m, group, 90, ReflectivePracticeKind.GROUP_REFLECTION);
      }
      if (week % 13 == 6 && sim.chance(relational ? 0.5 : 0.05)) {
        Instant at = WorkingTime.officeHours(time.onOrAfter(monday.plusDays(4)), sim.rng);
        reflect(m, at, 45, ReflectivePracticeKind.WELLBEING);
      }
    }
  }

  private void reflect(Member m, Instant at, int minutes, ReflectivePracticeKind kind) {
    if (m.inPostAt(at) && !at.isBefore(sim.now())) {
      Instant recordAt = at.plus(Duration.ofMinutes(minutes + sim.between(5, 240)));
      sim.record(recordAt, new RecordReflectivePractice(m.workerId, at, minutes, kind));
    }
  }
}
