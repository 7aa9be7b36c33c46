package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.worker.WorkerRole;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A worker of a team, as the simulation knows them: in post from joining until leaving. */
final class Member {
  final WorkerId workerId;
  final WorkerRole role;
  final boolean livedExperience;
  final Instant joinedAt;

  /** When the worker will leave, decided when they join; null if not within the history. */
  Instant leavesAt;

  /** On notice: takes no new episodes. */
  boolean leaving;

  /** Episodes whose key worker this is, in the order they came (never iterated by hash). */
  final Set<Episode> caseload = new LinkedHashSet<>();

  /** Episodes promised to this worker by a planned handover that has not happened yet. */
  int incoming;

  Member(WorkerId workerId, WorkerRole role, boolean livedExperience, Instant joinedAt) {
    this.workerId = workerId;
    this.role = role;
    this.livedExperience = livedExperience;
    this.joinedAt = joinedAt;
  }

  boolean inPostAt(Instant instant) {
    return !instant.isBefore(joinedAt) && (leavesAt == null || instant.isBefore(leavesAt));
  }

  boolean keyWorks() {
    return role == WorkerRole.KEY_WORKER || role == WorkerRole.CLINICIAN;
  }

  int load() {
    return caseload.size() + incoming;
  }
}
