package cymru.calon.infra.demo;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.AchieveOutcome;
import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AssignWorker;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.CloseEpisode;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.EndAftercare;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.GiveFeedback;
import cymru.calon.commands.api.episode.HandOverWorker;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.PlanAftercare;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.RecordMissedAppointment;
import cymru.calon.commands.api.episode.RecordRelationalCheckIn;
import cymru.calon.commands.api.episode.RecordTrustMilestone;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.infra.demo.Episode.Phase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The life of every episode, from referral to closure and the feedback and re-referrals after it.
 * Each episode is a chain of appointments ("ticks"); what happens at one decides when the next is.
 */
final class Episodes {
  private static final double DAY = 86_400;

  private final Simulation sim;
  private final WorkingTime time;
  private final List<ServiceRun> services;

  private final People people;

  Episodes(Simulation sim, WorkingTime time, List<ServiceRun> services) {
    this.sim = sim;
    this.time = time;
    this.services = services;
    this.people = new People(sim);
  }

  // Referral, allocation and the first appointment.

  void refer(ServiceRun service, Person person, ReferralSource source) {
    Instant at = sim.now();
    if (people.forgotten(person.personId())) {
      return;
    }
    people.registerIfNew(person, service.organisationId, at);
    Practice practice = service.practice;
    double threshold =
        (1.0 + 5 * sim.rng.nextExponential())
            * (service.plan.cohort() == Cohort.SANCTUARY ? 1.2 : 1.0)
            * (1.3 - 0.4 * person.engagement());
    Episode ep = new Episode(new EpisodeId(sim.id("episode")), person, service, at, threshold);
    prompt(ep, new ReceiveReferral(ep.episodeId, person.personId(), service.serviceId, source, at));

    int waiting =
        sim.normal(practice.meanWaitingWorkingDays(), practice.sdWaitingWorkingDays(), 1, 60);
    Instant firstAppointment =
        WorkingTime.officeHours(time.plusWorkingDays(WorkingTime.date(at), waiting), sim.rng);
    Instant allocation = time.workingDayAfter(at, sim.uniform(0, 2), sim.rng);
    if (!allocation.isBefore(firstAppointment)) {
      allocation = firstAppointment.minus(Duration.ofMinutes(30));
    }
    sim.at(allocation, () -> assign(ep));
    sim.at(firstAppointment, () -> tick(ep));
    ep.peerSupport =
        practice.relational()
            && sim.chance(service.plan.cohort() == Cohort.SUBSTANCE_USE ? 0.5 : 0.3);
    if (service.maxEpisodeDays != null) {
      scheduleTimeLimit(ep, service.maxEpisodeDays);
    }
  }

  private void assign(Episode ep) {
    if (!ep.supported() || ep.keyWorker != null) {
      return;
    }
    Member worker = ep.service.team.allocate(sim.now(), null);
    prompt(ep, new AssignWorker(ep.episodeId, worker.workerId, sim.now()));
    ep.keyWorker = worker;
    ep.lastKeyWorkerChange = sim.now();
    worker.caseload.add(ep);
  }

  /**
   * Funding ends at the time limit: the episode is closed on a working day shortly before it, or
   * (one in eight) some days after it when the paperwork is late.
   */
  private void scheduleTimeLimit(Episode ep, int maxEpisodeDays) {
    LocalDate limit = WorkingTime.date(ep.referredAt).plusDays(maxEpisodeDays);
    LocalDate day =
        sim.chance(0.12)
            ? time.onOrAfter(limit.plusDays(sim.between(2, 20)))
            : time.onOrAfter(limit.minusDays(sim.between(3, 9)));
    sim.at(
        WorkingTime.officeHours(day, sim.rng),
        () -> {
          if (ep.phase == Phase.WAITING || ep.phase == Phase.ACTIVE) {
            close(ep, ClosureReason.FUNDING_TIME_LIMIT, sim.now());
          }
        });
  }

  // Appointments.

  private void tick(Episode ep) {
    if (!ep.supported()) {
      return;
    }
    Instant t = sim.now();
    Practice practice = ep.service.practice;
    double days = Duration.between(ep.lastTick, t).getSeconds() / DAY;
    ep.lastTick = t;
    if (endsAbruptly(ep, t, days)) {
      return;
    }
    if (ep.phase == Phase.AFTERCARE
        && ep.aftercareUntil != null
        && !WorkingTime.date(t).isBefore(ep.aftercareUntil)) {
      endAftercare(ep, t);
      return;
    }

    if (sim.chance(practice.serviceMissRate())) {
      if (sim.chance(practice.serviceMissRecorded())) {
        FollowUp followUp =
            sim.weighted(
                List.of(FollowUp.CALL, FollowUp.MESSAGE, FollowUp.LETTER, FollowUp.NONE),
                0.5,
                0.4,
                0.05,
                0.05);
        maybeLate(ep, new RecordMissedAppointment(ep.episodeId, t, MissedBy.SERVICE, followUp));
      }
      next(ep, t, sim.between(2, 5));
      return;
    }

    double missed =
        practice.personMissRate()
            * (1.6 - ep.person.engagement())
            * (ep.trusted ? 0.6 : 1.0)
            * (ep.phase == Phase.AFTERCARE ? 0.7 : 1.0);
    if (sim.chance(missed)) {
      personMissed(ep, t);
      return;
    }

    reallocateMaybe(ep, t);
    boolean returned = ep.missedInARow >= 2;
    ep.missedInARow = 0;
    Member worker = contactWorker(ep, t);
    ContactPurpose purpose =
        ep.phase == Phase.AFTERCARE
            ? (sim.chance(0.7) ? ContactPurpose.AFTERCARE : ContactPurpose.FOLLOW_UP)
            : ContactPurpose.SUPPORT;
    Contact contact = contact(ep, worker, t, purpose, false);
    Instant after = t.plus(Duration.ofMinutes(contact.minutes()));
    if (ep.phase == Phase.WAITING) {
      ep.phase = Phase.ACTIVE;
      ep.nextCheckIn =
          practice.checkInEveryDays() > 0
              ? t.plus(Duration.ofDays(sim.between(20, 35)))
              : sim.chance(practice.singleCheckInShare())
                  ? t.plus(Duration.ofDays(sim.between(28, 60)))
                  : null;
    }

    if (returned) {
      milestone(ep, TrustMarker.RETURNED_AFTER_DISENGAGEMENT, ObservedBy.WORKER, after);
    }
    if (contact.trustReached() != null) {
      milestone(ep, contact.trustReached(), observer(contact.trustReached()), after);
    } else if (ep.trusted && sim.chance(0.05)) {
      laterMilestone(ep, after);
    }
    if (ep.nextCheckIn != null && !t.isBefore(ep.nextCheckIn)) {
      checkIn(ep, after.plus(Duration.ofMinutes(1)));
      ep.nextCheckIn =
          practice.checkInEveryDays() > 0
              ? t.plus(Duration.ofDays(practice.checkInEveryDays() + sim.between(-7, 7)))
              : null;
    }
    if (sim.chance(0.01)) {
      feedback(ep, after.plus(Duration.ofMinutes(5)), null);
    }
    if (ep.peerSupport && ep.phase != Phase.WAITING && sim.chance(0.3)) {
      sim.at(time.workingDayAfter(t, sim.between(1, 4), sim.rng), () -> peerContact(ep));
    }

    if (ep.phase == Phase.ACTIVE && outcomeNow(ep, practice)) {
      outcome(ep, after.plus(Duration.ofMinutes(2)));
      return;
    }
    if (ep.phase == Phase.AFTERCARE && sim.chance(0.06)) {
      secondOutcome(ep, after.plus(Duration.ofMinutes(2)));
    }
    next(ep, t, ep.phase == Phase.AFTERCARE ? sim.between(7, 14) : interval(practice));
  }

  private int interval(Practice practice) {
    return sim.between(practice.minIntervalDays(), practice.maxIntervalDays());
  }

  private void next(Episode ep, Instant t, double days) {
    sim.at(time.workingDayAfter(t, days, sim.rng), () -> tick(ep));
  }

  private void personMissed(Episode ep, Instant t) {
    Practice practice = ep.service.practice;
    maybeLate(
        ep,
        new RecordMissedAppointment(
            ep.episodeId, t, MissedBy.PERSON, practice.personMissFollowUp(sim)));
    ep.missedInARow++;
    if (ep.phase == Phase.AFTERCARE && ep.missedInARow >= 3 && ep.aftercareUntil != null) {
      prompt(ep, new EndAftercare(ep.episodeId, AftercareEndReason.LOST_CONTACT, t));
      scheduleClosure(ep, ClosureReason.PLANNED_COMPLETION, sim.between(1, 10));
      return;
    }
    if (ep.missedInARow >= practice.missesBeforeDischarge()
        && sim.chance(practice.dischargeOnMisses())) {
      // A letter first, then discharge if there is no reply.
      scheduleClosure(ep, ClosureReason.NON_ENGAGEMENT, sim.between(5, 15));
      return;
    }
    // Relational services reach out again soon; others wait for the next slot.
    next(ep, t, practice.relational() ? sim.between(2, 5) : interval(practice));
  }

  private boolean outcomeNow(Episode ep, Practice practice) {
    if (practice.relational()) {
      if (ep.trusted && ep.attendedSinceTrust >= 3) {
        return sim.chance(practice.outcomeChance());
      }
      return ep.attended >= 20 && sim.chance(0.02);
    }
    return ep.attended >= 2 && sim.chance(practice.outcomeChance());
  }

  /** Dispersal, moving on, transfer, death, or a relational episode that has run its course. */
  private boolean endsAbruptly(Episode ep, Instant t, double days) {
    Cohort cohort = ep.service.plan.cohort();
    double dispersal = cohort == Cohort.SANCTUARY ? 0.001 : 0.0002;
    double choseToEnd = 0.0007;
    double transferred = 0.0003;
    double died = cohort == Cohort.SUBSTANCE_USE ? 0.00004 : 0.000005;
    double x = sim.rng.nextDouble();
    ClosureReason reason = null;
    if ((x -= dispersal * days) < 0) {
      reason = ClosureReason.MOVED_OR_DISPERSED;
    } else if ((x -= choseToEnd * days) < 0) {
      reason = ClosureReason.PERSON_CHOSE_TO_END;
    } else if ((x -= transferred * days) < 0) {
      reason = ClosureReason.TRANSFERRED;
    } else if ((x -= died * days) < 0) {
      reason = ClosureReason.DIED;
    } else if (ep.outcomes == 0
        && Duration.between(ep.referredAt, t).toDays()
            > ep.service.practice.maxDaysWithoutOutcome()) {
      reason = sim.chance(0.5) ? ClosureReason.PERSON_CHOSE_TO_END : ClosureReason.TRANSFERRED;
    }
    if (reason == null) {
      return false;
    }
    close(ep, reason, t);
    return true;
  }

  /** KPI-driven services move people between workers to balance caseloads or cover absence. */
  private void reallocateMaybe(Episode ep, Instant t) {
    if (ep.keyWorker == null) {
      return;
    }
    if (!ep.service.practice.relational() && sim.chance(0.015)) {
      Member to = ep.service.team.allocate(t, ep.keyWorker);
      handOver(
          ep,
          to,
          sim.chance(0.7) ? HandoverReason.CASELOAD : HandoverReason.WORKER_ABSENT,
          false,
          t);
    } else if (ep.service.practice.relational() && sim.chance(0.004)) {
      // The person asked for someone else: introduced in a joint contact, then handed over.
      Member from = ep.keyWorker;
      sim.at(
          time.workingDayAfter(t, sim.between(1, 3), sim.rng),
          () -> {
            Member to = ep.service.team.allocate(sim.now(), from);
            if (ep.supported() && ep.keyWorker == from && to != from) {
              Contact joint = attend(ep, to, ContactPurpose.SUPPORT, true);
              handOver(
                  ep,
                  to,
                  HandoverReason.PERSON_REQUEST,
                  true,
                  sim.now().plus(Duration.ofMinutes(joint.minutes() + 1)));
            }
          });
    }
  }

  /** The key worker when in post; otherwise whoever is on duty. */
  private Member contactWorker(Episode ep, Instant t) {
    Member key = ep.keyWorker;
    return key != null && key.inPostAt(t) ? key : ep.service.team.duty(t);
  }

  // Contacts.

  /** A contact outside the run of appointments, and the trust it may bring. */
  private Contact attend(Episode ep, Member worker, ContactPurpose purpose, boolean joint) {
    Contact contact = contact(ep, worker, sim.now(), purpose, joint);
    if (contact.trustReached() != null) {
      milestone(
          ep,
          contact.trustReached(),
          observer(contact.trustReached()),
          sim.now().plus(Duration.ofMinutes(contact.minutes())));
    }
    return contact;
  }

  private static ObservedBy observer(TrustMarker marker) {
    return marker == TrustMarker.PERSON_REPORTED_TRUST ? ObservedBy.PERSON : ObservedBy.WORKER;
  }

  private record Contact(int minutes, TrustMarker trustReached) {}

  private Contact contact(
      Episode ep, Member worker, Instant t, ContactPurpose purpose, boolean joint) {
    Practice practice = ep.service.practice;
    boolean relational = practice.relational();
    boolean first = ep.attended == 0;
    ContactMode mode = mode(practice, purpose, first);
    ContactSetting setting = setting(practice, mode, purpose);
    int minutes = minutes(relational, mode);
    InterpreterUse interpreter = interpreter(ep, practice, mode);
    if (interpreter == InterpreterUse.IN_PERSON) {
      minutes = Math.min(720, (int) Math.round(minutes * 1.3));
    }
    Set<Choice> choices = choices(ep, practice);
    boolean knownWorker = ep.met.contains(worker);
    boolean storyRetold =
        !joint
            && sim.chance(
                first
                    ? practice.storyRetoldFirstContact()
                    : knownWorker
                        ? practice.storyRetoldKnownWorker()
                        : practice.storyRetoldNewWorker());

    TrustMarker trustReached = null;
    if (!ep.trusted) {
      ep.trust += trustGain(ep, mode, interpreter, choices, storyRetold, knownWorker);
      if (ep.trust >= ep.trustThreshold) {
        ep.trusted = true;
        trustReached =
            sim.weighted(
                List.of(
                    TrustMarker.SELF_INITIATED_CONTACT,
                    TrustMarker.CHOSE_TO_SHARE_STORY,
                    TrustMarker.CO_PRODUCED_PLAN,
                    TrustMarker.PERSON_REPORTED_TRUST),
                0.25,
                0.3,
                0.3,
                0.15);
      }
    } else {
      ep.attendedSinceTrust++;
    }
    InitiatedBy initiatedBy =
        trustReached == TrustMarker.SELF_INITIATED_CONTACT
                || sim.chance(ep.trusted ? (relational ? 0.35 : 0.12) : 0.07)
            ? InitiatedBy.PERSON
            : InitiatedBy.WORKER;

    RecordContact command =
        new RecordContact(
            ep.episodeId,
            new ContactId(sim.id("contact")),
            worker.workerId,
            t,
            minutes,
            mode,
            setting,
            initiatedBy,
            interpreter,
            choices,
            storyRetold,
            purpose);
    maybeLate(ep, command);
    ep.contactRecorded = true;
    if (!knownWorker) {
      ep.met.add(worker);
    }
    ep.attended++;
    if (purpose == ContactPurpose.AFTERCARE || purpose == ContactPurpose.FOLLOW_UP) {
      ep.aftercareContact = true;
    }
    return new Contact(minutes, trustReached);
  }

  /**
   * What one contact adds to trust. The same rules for every service: the difference between styles
   * comes from how they meet people (mode, choice, continuity, not retelling the story).
   */
  private double trustGain(
      Episode ep,
      ContactMode mode,
      InterpreterUse interpreter,
      Set<Choice> choices,
      boolean storyRetold,
      boolean knownWorker) {
    double gain = 1.0;
    gain *=
        switch (mode) {
          case IN_PERSON, OUTREACH -> 1.0;
          case PHONE, VIDEO -> 0.55;
          case MESSAGE -> 0.2;
        };
    if (storyRetold) {
      gain *= 0.6;
    }
    if (!choices.isEmpty()) {
      gain *= 1.15;
    }
    if (!knownWorker && ep.attended > 0) {
      gain *= 0.7;
    }
    if (ep.person.interpreterNeeded()) {
      gain *=
          switch (interpreter) {
            case IN_PERSON -> 1.0;
            case PHONE, VIDEO -> 0.85;
            case NONE -> 0.5;
          };
    }
    return gain;
  }

  private ContactMode mode(Practice practice, ContactPurpose purpose, boolean first) {
    List<ContactMode> modes = List.of(ContactMode.values());
    // IN_PERSON, PHONE, VIDEO, OUTREACH, MESSAGE
    if (purpose == ContactPurpose.PEER_SUPPORT) {
      return sim.weighted(modes, 0.6, 0.1, 0.0, 0.3, 0.0);
    }
    if (!practice.relational()) {
      return first ? ContactMode.PHONE : sim.weighted(modes, 0.38, 0.45, 0.05, 0.02, 0.1);
    }
    if (purpose == ContactPurpose.SUPPORT) {
      return sim.weighted(modes, 0.62, 0.14, 0.05, 0.12, 0.07);
    }
    return sim.weighted(modes, 0.4, 0.35, 0.05, 0.05, 0.15);
  }

  private ContactSetting setting(Practice practice, ContactMode mode, ContactPurpose purpose) {
    List<ContactSetting> settings = List.of(ContactSetting.values());
    // PRIVATE_ROOM, OPEN_OFFICE, HOME, COMMUNITY, REMOTE
    return switch (mode) {
      case PHONE, VIDEO, MESSAGE -> ContactSetting.REMOTE;
      case OUTREACH -> sim.chance(0.5) ? ContactSetting.HOME : ContactSetting.COMMUNITY;
      case IN_PERSON ->
          purpose == ContactPurpose.PEER_SUPPORT
              ? sim.weighted(settings, 0.4, 0.0, 0.0, 0.6, 0.0)
              : practice.relational()
                  ? sim.weighted(settings, 0.55, 0.05, 0.22, 0.18, 0.0)
                  : sim.weighted(settings, 0.2, 0.68, 0.07, 0.05, 0.0);
    };
  }

  private int minutes(boolean relational, ContactMode mode) {
    return switch (mode) {
      case IN_PERSON -> relational ? sim.normal(70, 20, 30, 150) : sim.normal(30, 10, 10, 60);
      case OUTREACH -> relational ? sim.normal(75, 25, 30, 180) : sim.normal(35, 10, 15, 60);
      case PHONE -> relational ? sim.normal(30, 10, 10, 60) : sim.normal(14, 5, 5, 30);
      case VIDEO -> relational ? sim.normal(40, 10, 15, 60) : sim.normal(20, 6, 10, 40);
      case MESSAGE -> sim.normal(8, 3, 2, 20);
    };
  }

  private InterpreterUse interpreter(Episode ep, Practice practice, ContactMode mode) {
    if (!ep.person.interpreterNeeded()) {
      return InterpreterUse.NONE;
    }
    return switch (mode) {
      case MESSAGE -> InterpreterUse.NONE;
      case PHONE -> sim.chance(0.9) ? InterpreterUse.PHONE : InterpreterUse.NONE;
      case VIDEO -> InterpreterUse.VIDEO;
      case IN_PERSON, OUTREACH -> practice.inPersonInterpreter(sim);
    };
  }

  private Set<Choice> choices(Episode ep, Practice practice) {
    if (!sim.chance(practice.choiceShare())) {
      return Set.of();
    }
    boolean relational = practice.relational();
    Set<Choice> choices = EnumSet.noneOf(Choice.class);
    if (sim.chance(0.85)) {
      choices.add(Choice.TIME);
    }
    if (sim.chance(relational ? 0.5 : 0.1)) {
      choices.add(Choice.PLACE);
    }
    if (sim.chance(relational ? 0.15 : 0.03)) {
      choices.add(Choice.WORKER);
    }
    if (sim.chance(ep.service.plan.cohort() == Cohort.SANCTUARY ? 0.25 : 0.08)) {
      choices.add(Choice.WORKER_GENDER);
    }
    if (ep.person.interpreterNeeded() && sim.chance(0.7)) {
      choices.add(Choice.INTERPRETER);
    }
    if (sim.chance(relational ? 0.4 : 0.1)) {
      choices.add(Choice.MODE);
    }
    if (choices.isEmpty()) {
      choices.add(Choice.TIME);
    }
    return Choice.ordered(choices);
  }

  private void peerContact(Episode ep) {
    if (ep.phase != Phase.ACTIVE && ep.phase != Phase.AFTERCARE) {
      return;
    }
    Member peer = ep.service.team.peerMentor(sim.now());
    if (peer != null) {
      attend(ep, peer, ContactPurpose.PEER_SUPPORT, false);
    }
  }

  // Trust and voice.

  private void milestone(Episode ep, TrustMarker marker, ObservedBy observedBy, Instant at) {
    ep.markers.add(marker);
    if (sim.chance(ep.service.practice.milestoneRecorded())) {
      prompt(ep, new RecordTrustMilestone(ep.episodeId, marker, observedBy, at));
    }
  }

  private void laterMilestone(Episode ep, Instant at) {
    for (TrustMarker marker :
        List.of(
            TrustMarker.CO_PRODUCED_PLAN,
            TrustMarker.CHOSE_TO_SHARE_STORY,
            TrustMarker.SELF_INITIATED_CONTACT,
            TrustMarker.PERSON_REPORTED_TRUST)) {
      if (!ep.markers.contains(marker)) {
        milestone(ep, marker, observer(marker), at);
        return;
      }
    }
  }

  private void checkIn(Episode ep, Instant at) {
    double base =
        ep.service.practice.checkInBaseScore()
            + (ep.trusted ? 0.7 : -0.2)
            + 0.3 * ep.person.engagement()
            - 0.3 * Math.min(ep.coldChanges, 2);
    int trustWorker = score(base);
    trustWorker = ep.trusted ? Math.max(4, trustWorker) : Math.min(3, trustWorker);
    prompt(
        ep,
        new RecordRelationalCheckIn(
            ep.episodeId,
            at,
            score(base),
            score(base - 0.2),
            trustWorker,
            score(base + 0.1),
            language(ep)));
  }

  private int score(double base) {
    return (int) Math.max(1, Math.min(5, Math.round(base + 0.7 * sim.rng.nextGaussian())));
  }

  /** The language a check-in or feedback is given in. */
  private String language(Episode ep) {
    String language = ep.person.language();
    if (language.equals("cy") && !ep.service.practice.relational() && sim.chance(0.5)) {
      return "en"; // no active offer of Welsh
    }
    return ep.person.speaksEnglishOrWelsh() || ep.person.interpreterNeeded() ? language : "en";
  }

  private void feedback(Episode ep, Instant at, ClosureReason closure) {
    double complaint =
        ep.service.practice.complaintShare()
            + (ep.coldChanges > 0 ? 0.08 : 0)
            + (closure == ClosureReason.NON_ENGAGEMENT
                    || closure == ClosureReason.FUNDING_TIME_LIMIT
                ? 0.1
                : 0);
    String language = language(ep);
    boolean translated = !language.equals("en") && !language.equals("cy");
    GiveFeedback command =
        new GiveFeedback(ep.episodeId, at, language, translated, sim.chance(complaint));
    // Feedback forms reach the service some days later; nothing depends on them.
    sim.record(at.plus(Duration.ofHours(sim.between(1, 96))), command);
  }

  // Outcomes, aftercare and closure.

  private void outcome(Episode ep, Instant at) {
    Cohort cohort = ep.service.plan.cohort();
    OutcomeId outcomeId = new OutcomeId(sim.id("outcome"));
    prompt(
        ep,
        new AchieveOutcome(
            ep.episodeId,
            outcomeId,
            sim.weighted(Catalogue.outcomeTypes(cohort), Catalogue.outcomeWeights(cohort)),
            sim.chance(ep.service.practice.personDefinedOutcome()),
            at));
    ep.outcomes++;
    ep.lastOutcome = outcomeId;
    ep.lastOutcomeAt = at;
    if (ep.service.practice.relational() && ep.service.aftercareWeeks > 0) {
      ep.phase = Phase.AFTERCARE;
      sim.at(time.workingDayAfter(at, sim.between(0, 3), sim.rng), () -> planAftercare(ep));
      next(ep, at, sim.between(5, 10));
      return;
    }
    // Target met: closed soon after, perhaps after one follow-up call.
    ep.phase = Phase.CLOSING;
    int closeInDays = sim.between(0, 10);
    if (sim.chance(ep.service.practice.followUpCallBeforeClosure())) {
      closeInDays = Math.max(closeInDays, 4);
      sim.at(
          time.workingDayAfter(at, sim.between(1, 3), sim.rng),
          () -> {
            if (ep.open()) {
              attend(ep, contactWorker(ep, sim.now()), ContactPurpose.FOLLOW_UP, false);
            }
          });
    }
    scheduleClosure(ep, ClosureReason.PLANNED_COMPLETION, closeInDays);
  }

  private void secondOutcome(Episode ep, Instant at) {
    Cohort cohort = ep.service.plan.cohort();
    prompt(
        ep,
        new AchieveOutcome(
            ep.episodeId,
            new OutcomeId(sim.id("outcome")),
            cohort == Cohort.HOUSING_SUPPORT
                ? OutcomeType.TENANCY_SUSTAINED
                : sim.weighted(Catalogue.outcomeTypes(cohort), Catalogue.outcomeWeights(cohort)),
            sim.chance(0.9),
            at));
    ep.outcomes++;
  }

  private void planAftercare(Episode ep) {
    if (ep.phase != Phase.AFTERCARE) {
      return;
    }
    LocalDate until = WorkingTime.date(ep.lastOutcomeAt).plusWeeks(ep.service.aftercareWeeks);
    prompt(ep, new PlanAftercare(ep.episodeId, ep.lastOutcome, until, sim.now()));
    ep.aftercareUntil = until;
  }

  private void endAftercare(Episode ep, Instant t) {
    AftercareEndReason reason =
        sim.weighted(
            List.of(AftercareEndReason.PLANNED, AftercareEndReason.PERSON_CHOSE), 0.88, 0.12);
    prompt(ep, new EndAftercare(ep.episodeId, reason, t));
    scheduleClosure(ep, ClosureReason.PLANNED_COMPLETION, sim.between(0, 7));
  }

  private void scheduleClosure(Episode ep, ClosureReason reason, int days) {
    ep.phase = Phase.CLOSING;
    sim.at(time.workingDayAfter(sim.now(), days, sim.rng), () -> close(ep, reason, sim.now()));
  }

  private void close(Episode ep, ClosureReason reason, Instant at) {
    if (!ep.open()) {
      return;
    }
    Instant closedAt = at.isAfter(ep.latestFact) ? at : ep.latestFact.plus(Duration.ofMinutes(1));
    prompt(ep, new CloseEpisode(ep.episodeId, reason, closedAt));
    ep.phase = Phase.CLOSED;
    if (ep.keyWorker != null) {
      ep.keyWorker.caseload.remove(ep);
    }
    if (sim.chance(ep.service.practice.feedbackShare())) {
      // Some on the day, some weeks or months later (up to 365 days are allowed).
      Instant feedbackAt =
          sim.chance(0.6)
              ? closedAt.plus(Duration.ofMinutes(sim.between(5, 120)))
              : WorkingTime.officeHours(
                  time.onOrAfter(WorkingTime.date(closedAt).plusDays(sim.between(3, 200))),
                  sim.rng);
      sim.at(feedbackAt, () -> feedback(ep, sim.now(), reason));
    }
    Instant storyAt = closedAt.plus(Duration.ofDays(sim.between(1, 30)));
    sim.at(
        storyAt,
        () ->
            people.maybeShareStory(
                ep.person, ep.episodeId, ep.service.practice.relational(), storyAt));
    if (!comeBackMaybe(ep, reason, closedAt)) {
      people.maybeForget(ep.person, closedAt);
    }
  }

  /**
   * The revolving door: people come back more often after a closure without aftercare, and most
   * often after a discharge for missed appointments.
   */
  private boolean comeBackMaybe(Episode ep, ClosureReason reason, Instant closedAt) {
    if (ep.person.returns() >= 3) {
      return false;
    }
    double p =
        switch (reason) {
          case PLANNED_COMPLETION, PERSON_CHOSE_TO_END, FUNDING_TIME_LIMIT ->
              ep.aftercareContact ? 0.08 : ep.service.practice.relational() ? 0.18 : 0.3;
          case NON_ENGAGEMENT -> 0.4;
          default -> 0.0;
        };
    if (!sim.chance(p)) {
      return false;
    }
    int days = sim.chance(0.9) ? sim.between(10, 175) : sim.between(185, 400);
    ServiceRun to = ep.service;
    if (sim.chance(0.25)) {
      List<ServiceRun> sameCohort = new ArrayList<>();
      for (ServiceRun s : services) {
        // A person is registered with one organisation: another service of it, same cohort.
        if (s != ep.service
            && s.plan.cohort() == ep.service.plan.cohort()
            && s.organisationId.equals(ep.service.organisationId)) {
          sameCohort.add(s);
        }
      }
      if (!sameCohort.isEmpty()) {
        to = sim.pick(sameCohort);
      }
    }
    ServiceRun service = to;
    Person person = ep.person.returned();
    Instant at =
        WorkingTime.officeHours(time.onOrAfter(WorkingTime.date(closedAt).plusDays(days)), sim.rng);
    sim.at(
        at,
        () ->
            refer(
                service,
                person,
                sim.chance(0.4)
                    ? ReferralSource.SELF
                    : sim.weighted(
                        Catalogue.SOURCES, Catalogue.sourceWeights(service.plan.cohort()))));
    return true;
  }

  // Handovers.

  /**
   * A planned departure: each of the leaver's people meets their new worker in a joint contact,
   * then is handed over warmly before the leaver goes.
   */
  void planWarmHandovers(Member leaver, Instant leaves) {
    double window =
        Duration.between(sim.now(), leaves.minus(Duration.ofDays(2))).getSeconds() / DAY;
    if (window < 2) {
      return;
    }
    for (Episode ep : List.copyOf(leaver.caseload)) {
      Member to = ep.service.team.allocate(sim.now(), leaver);
      if (to == leaver) {
        continue;
      }
      Instant jointAt = time.workingDayAfter(sim.now(), sim.uniform(0.5, window - 1.5), sim.rng);
      Instant handoverAt = time.workingDayAfter(jointAt, sim.uniform(0, 1.5), sim.rng);
      if (!handoverAt.isBefore(leaves)) {
        continue;
      }
      to.incoming++;
      sim.at(
          jointAt,
          () -> {
            if (ep.supported() && ep.keyWorker == leaver && to.inPostAt(sim.now())) {
              attend(ep, to, ContactPurpose.SUPPORT, true);
            }
          });
      sim.at(
          handoverAt,
          () -> {
            to.incoming--;
            if (ep.keyWorker == leaver && to.inPostAt(sim.now())) {
              handOver(ep, to, HandoverReason.WORKER_LEFT, ep.met.contains(to), sim.now());
            }
          });
    }
  }

  /** The leaver has gone without handing over: someone else picks the case up, cold, later. */
  void handOverAfterDeparture(Episode ep, Member leaver) {
    Practice practice = ep.service.practice;
    int days = practice.relational() ? sim.between(1, 7) : sim.between(2, 28);
    sim.at(
        time.workingDayAfter(sim.now(), days, sim.rng),
        () -> {
          if (ep.keyWorker == leaver) {
            Member to = ep.service.team.allocate(sim.now(), leaver);
            handOver(ep, to, HandoverReason.WORKER_LEFT, false, sim.now());
          }
        });
  }

  private void handOver(Episode ep, Member to, HandoverReason reason, boolean warm, Instant at) {
    Member from = ep.keyWorker;
    if (!ep.open()
        || from == null
        || from == to
        || at.isBefore(ep.lastKeyWorkerChange)
        || !to.inPostAt(at)) {
      return;
    }
    ep.lastKeyWorkerChange = at;
    prompt(ep, new HandOverWorker(ep.episodeId, from.workerId, to.workerId, reason, warm, at));
    from.caseload.remove(ep);
    to.caseload.add(ep);
    ep.keyWorker = to;
    if (warm) {
      ep.trust *= 0.85;
    } else {
      ep.trust *= ep.service.practice.trustKeptOnColdChange();
      ep.coldChanges++;
    }
  }

  // Recording.

  /** Recorded the same day, after everything recorded promptly before it on this episode. */
  private void prompt(Episode ep, Command command) {
    Instant recordAt = command.occurredAt().plus(Duration.ofMinutes(sim.between(5, 120)));
    if (!recordAt.isAfter(ep.lastPromptRecord)) {
      recordAt = ep.lastPromptRecord.plusSeconds(1);
    }
    ep.lastPromptRecord = recordAt;
    ep.noteFact(command.occurredAt());
    sim.record(recordAt, command);
  }

  /**
   * Contacts and missed appointments are often written up days later. The episode's first contact
   * never is, because check-ins and milestones may only follow a recorded contact.
   */
  private void maybeLate(Episode ep, Command command) {
    Practice practice = ep.service.practice;
    if (!ep.contactRecorded || !sim.chance(practice.lateRecordingShare())) {
      prompt(ep, command);
      return;
    }
    ep.noteFact(command.occurredAt());
    Instant recordAt =
        command
            .occurredAt()
            .plus(Duration.ofDays(sim.between(1, practice.maxLateDays())))
            .plus(Duration.ofMinutes(sim.between(0, 480)));
    sim.record(recordAt, command);
  }
}
