package cymru.calon.query.figures;

import static cymru.calon.commands.api.episode.ClosureReason.FUNDING_TIME_LIMIT;
import static cymru.calon.commands.api.episode.ClosureReason.MOVED_OR_DISPERSED;
import static cymru.calon.commands.api.episode.ClosureReason.NON_ENGAGEMENT;
import static cymru.calon.commands.api.episode.ClosureReason.PERSON_CHOSE_TO_END;
import static cymru.calon.commands.api.episode.ClosureReason.PLANNED_COMPLETION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every figure of METRICS.md on real PostgreSQL, against values computed by hand from small
 * histories fed through the real projections. Each test has its own organisation and service.
 */
class DashboardFiguresIT {
  private static final double EPS = 1e-9;
  private final World world = World.create();
  private final DashboardFigures figures =
      new DashboardFigures(
          world.db,
          WorkingDays.fromList(
              DashboardFiguresIT.class.getResourceAsStream(
                  "/calon/bank-holidays-england-and-wales.txt")));

  private Map<String, Object> dashboard(ServiceId service, String from, String to, String asOf) {
    Instant asOfInstant = Instant.parse(asOf);
    FigureWindow window =
        FigureWindow.of(
            LocalDate.parse(from),
            LocalDate.parse(to),
            asOfInstant,
            Instant.parse("2026-11-01T00:00:00Z"));
    return figures.compute(List.of(service.value()), window).render(Suppression.NONE);
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> figures, String path) {
    Object value = figures;
    for (String key : path.split("\\.")) {
      value = ((Map<String, Object>) value).get(key);
    }
    return value;
  }

  private static void assertRate(Map<String, Object> figures, String path, long num, long den) {
    assertThat(at(figures, path + ".numerator")).as(path + " numerator").isEqualTo(num);
    assertThat(at(figures, path + ".denominator")).as(path + " denominator").isEqualTo(den);
  }

  private static double number(Map<String, Object> figures, String path) {
    return ((Number) at(figures, path)).doubleValue();
  }

  @Test
  void kpis_waitingCountsWorkingDays_fridayBeforeBankHolidayMonday_andTimeLimitIsInclusive() {
    ServiceId service = world.service(1, 18);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    // Friday 2 May 2025; Monday 5 May is the Early May bank holiday.
    EpisodeId a = world.referral(service, "2025-05-02T09:00:00Z");
    world.contact(a, worker, "2025-05-06T09:00:00Z").record(); // 1 working day (Tue 6)
    EpisodeId b = world.referral(service, "2025-05-02T09:00:00Z");
    world.contact(b, worker, "2025-05-09T09:00:00Z").record();
    world.contact(b, worker, "2025-05-07T09:00:00Z").record(); // late: the first is Wed 7, 2 days
    EpisodeId c = world.referral(service, "2025-04-30T09:00:00Z"); // referred before P
    world.contact(c, worker, "2025-05-01T09:00:00Z").record(); // Thu 1 May: 1 working day
    EpisodeId d = world.referral(service, "2025-05-30T09:00:00Z");
    world.contact(d, worker, "2025-06-02T09:00:00Z").record(); // first contact after P
    world.outcome(a, "2025-05-15T09:00:00Z");
    world.close(a, PLANNED_COMPLETION, "2025-05-20T09:00:00Z"); // exactly 18.0 days
    world.close(b, NON_ENGAGEMENT, "2025-05-21T09:00:00Z"); // 19 days

    var f = dashboard(service, "2025-05-01", "2025-06-01", "2025-12-01T00:00:00Z");

    assertThat(at(f, "kpi.referrals")).isEqualTo(3L); // a, b, d
    assertRate(f, "kpi.waitingWithinTarget", 2, 3); // a and c within 1 working day, b not
    assertRate(f, "kpi.completions", 1, 2);
    assertThat(at(f, "kpi.outcomesAchieved")).isEqualTo(1L);
    assertRate(f, "kpi.closedWithinTimeLimit", 1, 2);
  }

  @Test
  void timeToTrust_tiedEventsBeforeCensoring_censoredAtClosureAndHorizon_unknownTrustIgnored() {
    ServiceId service = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    String start = "2025-01-10T10:00:00Z";
    EpisodeId e1 = episodeStartingAt(service, worker, start, 60);
    world.contact(e1, worker, "2025-01-13T10:00:00Z").minutes(30).record();
    world.milestone(e1, TrustMarker.CO_PRODUCED_PLAN, "2025-01-15T10:00:00Z"); // 5 days
    world.contact(e1, worker, "2025-01-17T10:00:00Z").minutes(45).record(); // after trust
    EpisodeId e2 = episodeStartingAt(service, worker, start, 40);
    world.checkIn(e2, "2025-01-15T10:00:00Z", 4, 4, 4, 4); // trustWorker 4: 5 days, tied
    EpisodeId e3 = episodeStartingAt(service, worker, start, 30);
    world.close(e3, PERSON_CHOSE_TO_END, "2025-01-15T10:00:00Z"); // censored at 5, tied
    EpisodeId e4 = episodeStartingAt(service, worker, start, 50);
    world.contact(e4, worker, "2025-01-12T10:00:00Z").minutes(20).record();
    world.checkIn(e4, "2025-01-12T10:00:00Z", 4, 4, 3, 4); // trustWorker 3: not trust
    world.milestone(e4, TrustMarker.PERSON_REPORTED_TRUST, "2025-01-20T10:00:00Z"); // 10 days
    world.contact(e4, worker, "2025-01-20T10:00:00Z").minutes(10).record(); // up to and incl.
    EpisodeId e5 = episodeStartingAt(service, worker, start, 30); // open: censored at H
    EpisodeId e6 = episodeStartingAt(service, worker, start, 30);
    world.recordAt(Instant.parse("2025-03-02T00:00:00Z"));
    world.milestone(e6, TrustMarker.CO_PRODUCED_PLAN, "2025-01-20T10:00:00Z"); // recorded after
    world.recordSoon();

    var f = dashboard(service, "2025-01-01", "2025-02-01", "2025-03-01T00:00:00Z");

    assertThat(at(f, "relational.timeToTrust.episodes")).isEqualTo(6L);
    assertThat(at(f, "relational.timeToTrust.events")).isEqualTo(3L);
    assertThat(at(f, "relational.timeToTrust.censored")).isEqualTo(3L);
    assertThat(number(f, "relational.timeToTrust.medianDays")).isCloseTo(10.0, within(EPS));
    assertThat(number(f, "relational.timeToTrust.survivalAt.30")).isCloseTo(4.0 / 9, within(EPS));
    @SuppressWarnings("unchecked")
    var curve = (List<Map<String, Object>>) at(f, "relational.timeToTrust.curve");
    assertThat(curve).hasSize(2);
    assertThat(curve.get(0)).containsEntry("atRisk", 6L).containsEntry("events", 2L);
    assertThat((double) curve.get(0).get("survival")).isCloseTo(4.0 / 6, within(EPS));
    assertThat(curve.get(1)).containsEntry("atRisk", 3L).containsEntry("events", 1L);
    // Minutes up to and including the trust point: e1 60+30, e2 40, e4 50+20+10.
    assertThat(number(f, "relational.timeToTrust.contactMinutesToTrust"))
        .isCloseTo(80.0, within(EPS));
    assertThat(e5).isNotNull();
  }

  @Test
  void durationsAreSecondsOverADay_andPeriodsAreLocalDates_acrossTheClockChange() {
    ServiceId service = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    // Clocks go forward at 01:00 UTC on Sunday 30 March 2025.
    EpisodeId spanning = episodeStartingAt(service, worker, "2025-03-30T00:30:00Z", 30);
    world.milestone(spanning, TrustMarker.CO_PRODUCED_PLAN, "2025-04-02T11:00:00Z");
    EpisodeId afterPeriod = world.referral(service, "2025-04-01T09:00:00Z");
    world.contact(afterPeriod, worker, "2025-04-05T23:30:00Z").record(); // 00:30 BST on 6 April

    var f = dashboard(service, "2025-03-30", "2025-04-06", "2025-06-01T00:00:00Z");

    // 2025-03-30T00:30Z to 2025-04-02T11:00Z: 3 days 10.5 hours.
    assertThat(number(f, "relational.timeToTrust.medianDays"))
        .isCloseTo(3 + 10.5 / 24, within(EPS));
    assertThat(at(f, "relational.relationshipTime.episodes")).isEqualTo(1L);
  }

  @Test
  void aftercare_pendingWindowsLeaveTheDenominator_medianByKaplanMeier_andWithdrawnTooSoon() {
    ServiceId service = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    EpisodeId x = episodeStartingAt(service, worker, "2025-05-01T10:00:00Z", 30);
    world.outcome(x, "2025-06-02T10:00:00Z");
    world.contact(x, worker, "2025-06-20T10:00:00Z").purpose(ContactPurpose.AFTERCARE).record();
    world.aftercareEnded(x, "2025-06-25T10:00:00Z"); // 23 days after the outcome
    EpisodeId y = episodeStartingAt(service, worker, "2025-05-01T10:00:00Z", 30);
    world.outcome(y, "2025-06-05T10:00:00Z");
    world.close(y, PLANNED_COMPLETION, "2025-06-10T10:00:00Z"); // 5 days, no aftercare: 0 days
    EpisodeId z = episodeStartingAt(service, worker, "2025-05-01T10:00:00Z", 30);
    world.outcome(z, "2025-06-20T10:00:00Z"); // window ends after H: pending, censored at H
    EpisodeId w = episodeStartingAt(service, worker, "2025-05-01T10:00:00Z", 30);
    world.outcome(w, "2025-06-03T10:00:00Z");
    world.contact(w, worker, "2025-07-01T10:00:00Z").purpose(ContactPurpose.FOLLOW_UP).record();
    EpisodeId v = episodeStartingAt(service, worker, "2025-05-01T10:00:00Z", 30);
    world.outcome(v, "2025-05-30T10:00:00Z"); // before P
    world.contact(v, worker, "2025-06-05T10:00:00Z").purpose(ContactPurpose.AFTERCARE).record();
    world.close(v, FUNDING_TIME_LIMIT, "2025-06-13T10:00:00Z"); // 14 days, but with aftercare

    var f = dashboard(service, "2025-06-01", "2025-07-01", "2025-07-10T00:00:00Z");

    assertThat(at(f, "relational.aftercare.outcomes")).isEqualTo(4L);
    assertThat(at(f, "relational.aftercare.pending")).isEqualTo(1L);
    // x, and w exactly 28 days after its outcome; z is pending.
    assertRate(f, "relational.aftercare.withAftercareWithin28Days", 2, 3);
    // y 0 (event), z 19.58 (censored), x 23 (event), w 36.58 (censored): S(23) = 3/4 × 1/2.
    assertThat(number(f, "relational.aftercare.medianAftercareDays")).isCloseTo(23.0, within(EPS));
    assertRate(f, "relational.aftercare.withdrawnTooSoon", 1, 2);
    assertThat(at(f, "kpi.outcomesAchieved")).isEqualTo(4L);
  }

  @Test
  void revolvingDoor_returnExactlyOnDay180Counts_oneSecondLaterDoesNot_andPendingLeaves() {
    ServiceId service = world.service(20, null);
    ServiceId elsewhere = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    PersonId p1 = new PersonId(UUID.randomUUID());
    PersonId p2 = new PersonId(UUID.randomUUID());
    EpisodeId a = world.referral(service, p1, "2024-12-01T10:00:00Z");
    world.contact(a, worker, "2024-12-02T10:00:00Z").record();
    world.contact(a, worker, "2025-01-05T10:00:00Z").purpose(ContactPurpose.AFTERCARE).record();
    world.close(a, PLANNED_COMPLETION, "2025-01-10T10:00:00Z");
    world.referral(elsewhere, p1, "2025-07-09T10:00:00Z"); // exactly 180 days later
    EpisodeId b = world.referral(service, p2, "2024-12-01T10:00:00Z");
    world.contact(b, worker, "2024-12-02T10:00:00Z").record();
    world.close(b, NON_ENGAGEMENT, "2025-01-12T10:00:00Z");
    world.referral(service, p2, "2025-07-11T10:00:01Z"); // 180 days and a second
    EpisodeId c = world.referral(service, "2024-12-01T10:00:00Z");
    world.contact(c, worker, "2024-12-02T10:00:00Z").record();
    world.close(c, PERSON_CHOSE_TO_END, "2025-01-15T10:00:00Z");
    EpisodeId d = world.referral(service, "2024-12-01T10:00:00Z");
    world.contact(d, worker, "2024-12-02T10:00:00Z").record();
    world.close(d, MOVED_OR_DISPERSED, "2025-01-16T10:00:00Z"); // not in the cohort

    var late = dashboard(service, "2025-01-01", "2025-02-01", "2025-12-31T00:00:00Z");
    assertRate(late, "relational.revolvingDoor.returnedWithin180Days", 1, 3);
    assertRate(late, "relational.revolvingDoor.withAftercare", 1, 1);
    assertRate(late, "relational.revolvingDoor.withoutAftercare", 0, 2);

    // On 10 July, b's and c's 180 days are still running: pending, out of the denominator.
    var early = dashboard(service, "2025-01-01", "2025-02-01", "2025-07-10T00:00:00Z");
    assertRate(early, "relational.revolvingDoor.returnedWithin180Days", 1, 1);
  }

  @Test
  void revolvingDoor_anAftercareContactRecordedLate_countsAsAftercareFromWhenItWasRecorded() {
    ServiceId service = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    EpisodeId a = world.referral(service, "2024-12-01T10:00:00Z");
    world.contact(a, worker, "2024-12-02T10:00:00Z").record();
    world.close(a, PLANNED_COMPLETION, "2025-01-10T10:00:00Z");
    world.recordAt(Instant.parse("2025-09-01T12:00:00Z"));
    world.contact(a, worker, "2025-01-05T10:00:00Z").purpose(ContactPurpose.FOLLOW_UP).record();
    world.recordSoon();

    var before = dashboard(service, "2025-01-01", "2025-02-01", "2025-08-01T00:00:00Z");
    assertRate(before, "relational.revolvingDoor.withoutAftercare", 0, 1);
    assertRate(before, "relational.revolvingDoor.withAftercare", 0, 0);
    var after = dashboard(service, "2025-01-01", "2025-02-01", "2025-09-02T00:00:00Z");
    assertRate(after, "relational.revolvingDoor.withoutAftercare", 0, 0);
    assertRate(after, "relational.revolvingDoor.withAftercare", 0, 1);
  }

  @Test
  void contactsInThePeriod_continuityTellItOnceChoiceInterpreterSettingPeerSupport() {
    ServiceId service = world.service(20, null);
    WorkerId w1 = world.worker("2024-01-01T09:00:00Z");
    WorkerId w2 = world.worker("2024-01-01T09:00:00Z");
    EpisodeId e = world.referral(service, "2025-02-01T10:00:00Z");
    world.contact(e, w2, "2025-02-20T10:00:00Z").minutes(500).record(); // before P: ignored
    world
        .contact(e, w1, "2025-03-03T10:00:00Z")
        .minutes(60)
        .retold()
        .choices(Choice.TIME, Choice.PLACE)
        .interpreter(InterpreterUse.IN_PERSON)
        .record();
    world
        .contact(e, w1, "2025-03-04T10:00:00Z")
        .minutes(30)
        .setting(ContactSetting.OPEN_OFFICE)
        .interpreter(InterpreterUse.PHONE)
        .record();
    world
        .contact(e, w2, "2025-03-05T10:00:00Z")
        .minutes(45)
        .mode(ContactMode.PHONE)
        .setting(ContactSetting.REMOTE)
        .retold()
        .choices(Choice.TIME)
        .record();
    world
        .contact(e, w1, "2025-03-06T10:00:00Z")
        .minutes(15)
        .mode(ContactMode.OUTREACH)
        .setting(ContactSetting.COMMUNITY)
        .record();
    EpisodeId f = world.referral(service, "2025-02-01T10:00:00Z");
    world
        .contact(f, w2, "2025-03-10T10:00:00Z")
        .minutes(20)
        .mode(ContactMode.VIDEO)
        .setting(ContactSetting.REMOTE)
        .retold()
        .choices(Choice.WORKER)
        .purpose(ContactPurpose.PEER_SUPPORT)
        .record();
    world.contact(f, w2, "2025-03-11T10:00:00Z").minutes(40).setting(ContactSetting.HOME).record();
    EpisodeId g = world.referral(service, "2025-02-01T10:00:00Z");
    world
        .contact(g, w1, "2025-03-12T10:00:00Z")
        .minutes(90)
        .interpreter(InterpreterUse.VIDEO)
        .record();
    world.assign(e, w1, "2025-02-01T11:00:00Z");
    world.handOver(e, w1, w2, HandoverReason.CASELOAD, true, "2025-03-05T09:00:00Z");
    world.handOver(e, w2, w1, HandoverReason.WORKER_LEFT, false, "2025-03-06T09:00:00Z");

    var d = dashboard(service, "2025-03-01", "2025-04-01", "2025-06-01T00:00:00Z");

    // R2: per-episode minutes in P 150, 60, 90; in person or outreach 60+30+15, 40, 90.
    assertThat(at(d, "relational.relationshipTime.episodes")).isEqualTo(3L);
    assertThat(number(d, "relational.relationshipTime.medianMinutesPerEpisode"))
        .isCloseTo(90.0, within(EPS));
    assertRate(d, "relational.relationshipTime.inPersonShare", 235, 300);
    // R3: e has w1,w1,w2,w1 (COC 0.5, UPC 0.75, SECON 1/3, 2 workers); f has w2,w2 (1, 1, 1, 1).
    assertThat(at(d, "relational.continuity.episodes")).isEqualTo(2L);
    assertThat(number(d, "relational.continuity.meanCoc")).isCloseTo(0.75, within(EPS));
    assertThat(number(d, "relational.continuity.meanUpc")).isCloseTo(0.875, within(EPS));
    assertThat(number(d, "relational.continuity.meanSecon")).isCloseTo(2.0 / 3, within(EPS));
    assertThat(number(d, "relational.continuity.meanDistinctWorkers")).isCloseTo(1.5, within(EPS));
    assertThat(at(d, "relational.continuity.handovers")).isEqualTo(2L);
    assertRate(d, "relational.continuity.warmHandoverShare", 1, 2);
    assertThat(at(d, "relational.continuity.handoversFromDepartures")).isEqualTo(1L);
    // R4
    assertRate(d, "relational.tellItOnce.storyRetoldShare", 3, 7);
    assertThat(at(d, "relational.tellItOnce.episodesRetoldTwiceOrMore")).isEqualTo(1L);
    // R5, R6, R7
    assertRate(d, "relational.choice.choiceShare", 3, 7);
    assertRate(d, "relational.choice.byChoice.TIME", 2, 7);
    assertRate(d, "relational.choice.byChoice.PLACE", 1, 7);
    assertRate(d, "relational.choice.byChoice.WORKER", 1, 7);
    assertRate(d, "relational.choice.byChoice.INTERPRETER", 0, 7);
    assertRate(d, "relational.interpreter.interpreterInPersonShare", 1, 3);
    assertRate(d, "relational.setting.privateSettingShare", 3, 4);
    // R13
    assertRate(d, "relational.peerSupport.episodesWithPeerSupportShare", 1, 3);
    assertThat(at(d, "relational.peerSupport.peerSupportMinutes")).isEqualTo(20L);
  }

  @Test
  void staff_caseloadAtTheEndOfThePeriod_handoverToAWorkerWhoLeftTheSameDay() {
    ServiceId service = world.service(20, null);
    WorkerId w1 = world.worker("2024-01-01T09:00:00Z");
    WorkerId w2 = world.worker("2024-01-01T09:00:00Z");
    WorkerId w3 = world.worker("2025-02-01T09:00:00Z");
    WorkerId w4 = world.worker("2025-04-15T09:00:00Z"); // after P
    WorkerId w5 = world.worker("2024-01-01T09:00:00Z");
    world.workerLeft(w5, "2025-02-10T17:00:00Z"); // before P
    EpisodeId e1 = world.referral(service, "2025-01-10T10:00:00Z");
    world.assign(e1, w1, "2025-01-10T11:00:00Z");
    EpisodeId e2 = world.referral(service, "2025-01-10T10:00:00Z");
    world.assign(e2, w1, "2025-01-10T11:00:00Z");
    world.handOver(e2, w1, w2, HandoverReason.CASELOAD, true, "2025-03-31T09:00:00Z");
    world.workerLeft(w2, "2025-03-31T17:00:00Z"); // the day of the handover
    EpisodeId e3 = world.referral(service, "2025-02-10T10:00:00Z");
    world.assign(e3, w1, "2025-02-10T11:00:00Z");
    EpisodeId e4 = world.referral(service, "2025-03-10T10:00:00Z");
    world.assign(e4, w3, "2025-03-10T11:00:00Z");
    EpisodeId e5 = world.referral(service, "2025-01-10T10:00:00Z");
    world.assign(e5, w1, "2025-01-10T11:00:00Z");
    world.contact(e5, w1, "2025-01-11T11:00:00Z").record();
    world.close(e5, PLANNED_COMPLETION, "2025-03-20T10:00:00Z"); // closed before the end
    EpisodeId e6 = world.referral(service, "2025-04-02T10:00:00Z"); // after the end
    world.assign(e6, w3, "2025-04-02T11:00:00Z");
    world.reflectivePractice(w1, "2025-03-05T14:00:00Z", 60);
    world.reflectivePractice(w3, "2025-03-06T14:00:00Z", 30);
    world.reflectivePractice(w2, "2025-03-07T14:00:00Z", 45);
    world.reflectivePractice(w1, "2025-02-05T14:00:00Z", 100); // before P

    var d = dashboard(service, "2025-03-01", "2025-04-01", "2025-06-01T00:00:00Z");

    assertThat(at(d, "relational.staff.activeWorkers")).isEqualTo(2L); // w1, w3
    // w1: e1, e3; w3: e4; e2's key worker w2 has left.
    assertThat(number(d, "relational.staff.meanCaseload")).isCloseTo(1.5, within(EPS));
    assertThat(at(d, "relational.staff.maxCaseload")).isEqualTo(2L);
    assertThat(number(d, "relational.staff.reflectiveMinutesPerWorkerMonth"))
        .isCloseTo(135.0 / 2, within(EPS));
    assertThat(at(d, "relational.staff.departures")).isEqualTo(1L);
    assertThat(w4).isNotNull();
  }

  @Test
  void voiceAndEngagement() {
    ServiceId service = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    EpisodeId e = episodeStartingAt(service, worker, "2025-03-02T10:00:00Z", 30);
    world.checkIn(e, "2025-03-03T10:00:00Z", 4, 3, 5, 2);
    world.checkIn(e, "2025-03-04T10:00:00Z", 2, 5, 3, 4);
    world.checkIn(e, "2025-04-04T10:00:00Z", 1, 1, 1, 1); // after P
    world.feedback(e, false, "2025-03-05T10:00:00Z");
    world.feedback(e, true, "2025-03-06T10:00:00Z");
    world.feedback(e, false, "2025-03-07T10:00:00Z");
    world.missed(e, MissedBy.PERSON, FollowUp.NONE, "2025-03-08T10:00:00Z");
    world.missed(e, MissedBy.PERSON, FollowUp.CALL, "2025-03-09T10:00:00Z");
    world.missed(e, MissedBy.SERVICE, FollowUp.NONE, "2025-03-10T10:00:00Z");
    world.milestone(e, TrustMarker.RETURNED_AFTER_DISENGAGEMENT, "2025-03-11T10:00:00Z");
    EpisodeId other = episodeStartingAt(service, worker, "2025-03-02T10:00:00Z", 30);
    world.close(other, NON_ENGAGEMENT, "2025-03-20T10:00:00Z");

    var d = dashboard(service, "2025-03-01", "2025-04-01", "2025-06-01T00:00:00Z");

    assertThat(at(d, "relational.voice.checkIns")).isEqualTo(2L);
    assertThat(number(d, "relational.voice.listenedTo")).isCloseTo(3.0, within(EPS));
    assertThat(number(d, "relational.voice.hadASay")).isCloseTo(4.0, within(EPS));
    assertThat(number(d, "relational.voice.trustWorker")).isCloseTo(4.0, within(EPS));
    assertThat(number(d, "relational.voice.feltSafe")).isCloseTo(3.0, within(EPS));
    assertThat(at(d, "relational.voice.feedback")).isEqualTo(3L);
    assertThat(at(d, "relational.voice.complaints")).isEqualTo(1L);
    assertThat(at(d, "relational.engagement.missedByPerson")).isEqualTo(2L);
    assertThat(at(d, "relational.engagement.missedByService")).isEqualTo(1L);
    assertRate(d, "relational.engagement.personMissedFollowedUpShare", 1, 2);
    assertThat(at(d, "relational.engagement.nonEngagementClosures")).isEqualTo(1L);
    assertThat(at(d, "relational.engagement.reEngagements")).isEqualTo(1L);
  }

  @Test
  void asOf_figuresBeforeABatchOfLateRecordingsEqualThoseComputedBeforeItArrived() {
    ServiceId service = world.service(5, 60);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    PersonId person = new PersonId(UUID.randomUUID());
    EpisodeId a = world.referral(service, person, "2025-05-02T09:00:00Z");
    world.contact(a, worker, "2025-05-20T09:00:00Z").record();
    world.outcome(a, "2025-05-25T09:00:00Z");
    EpisodeId b = world.referral(service, "2025-05-05T09:00:00Z");
    world.contact(b, worker, "2025-05-06T09:00:00Z").record();
    String before = "2025-06-10T00:00:00Z";
    var expected = dashboard(service, "2025-05-01", "2025-06-01", before);

    // A batch recorded late, all about May: an earlier first contact (moves a's start out of the
    // period), trust, aftercare, a closure and a return, and a new episode.
    world.recordAt(Instant.parse("2025-06-20T12:00:00Z"));
    world.contact(a, worker, "2025-04-28T09:00:00Z").record();
    world.milestone(b, TrustMarker.CO_PRODUCED_PLAN, "2025-05-08T09:00:00Z");
    world.checkIn(a, "2025-05-21T09:00:00Z", 5, 5, 5, 5);
    world.contact(a, worker, "2025-05-28T09:00:00Z").purpose(ContactPurpose.AFTERCARE).record();
    world.close(a, PLANNED_COMPLETION, "2025-05-30T09:00:00Z");
    world.referral(service, person, "2025-05-31T09:00:00Z");
    EpisodeId c = world.referral(service, "2025-05-12T09:00:00Z");
    world.contact(c, worker, "2025-05-13T09:00:00Z").record();
    world.recordSoon();

    assertThat(dashboard(service, "2025-05-01", "2025-06-01", before)).isEqualTo(expected);
    var after = dashboard(service, "2025-05-01", "2025-06-01", "2025-06-21T00:00:00Z");
    assertThat(after).isNotEqualTo(expected);
    assertThat(at(after, "kpi.referrals")).isEqualTo(4L);
    assertThat(at(expected, "kpi.referrals")).isEqualTo(2L);
  }

  @Test
  void suppression_hidesSmallCountsAndRatesOnSmallDenominators_butShowsZero() {
    ServiceId service = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    for (int i = 0; i < 3; i++) {
      episodeStartingAt(service, worker, "2025-03-0" + (i + 2) + "T10:00:00Z", 30);
    }
    Instant asOf = Instant.parse("2025-06-01T00:00:00Z");
    FigureWindow window =
        FigureWindow.of(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01"), asOf, asOf);
    var d = figures.compute(List.of(service.value()), window).render(Suppression.standard());

    assertThat(at(d, "kpi.referrals")).isEqualTo(Figure.SUPPRESSED);
    assertThat(at(d, "kpi.waitingWithinTarget")).isEqualTo(Figure.SUPPRESSED);
    assertThat(at(d, "relational.timeToTrust.medianDays")).isEqualTo(Figure.SUPPRESSED);
    assertThat(at(d, "relational.voice.checkIns")).isEqualTo(0L);
    assertThat(at(d, "kpi.outcomesAchieved")).isEqualTo(0L);
  }

  @Test
  void aScopeOfSeveralServices_poolsTheirEpisodes_notTheirFigures() {
    ServiceId a = world.service(20, null);
    ServiceId b = world.service(20, null);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    EpisodeId inA = episodeStartingAt(a, worker, "2025-03-02T10:00:00Z", 30);
    world.milestone(inA, TrustMarker.CO_PRODUCED_PLAN, "2025-03-04T10:00:00Z"); // 2 days
    EpisodeId inB = episodeStartingAt(b, worker, "2025-03-02T10:00:00Z", 30);
    world.milestone(inB, TrustMarker.CO_PRODUCED_PLAN, "2025-03-06T10:00:00Z"); // 4 days
    Instant asOf = Instant.parse("2025-06-01T00:00:00Z");
    FigureWindow window =
        FigureWindow.of(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01"), asOf, asOf);

    var pooled = figures.compute(List.of(a.value(), b.value()), window).render(Suppression.NONE);

    assertThat(at(pooled, "relational.relationshipTime.episodes")).isEqualTo(2L);
    assertThat(at(pooled, "relational.timeToTrust.episodes")).isEqualTo(2L);
    // One curve over both: S(2) = 1/2, so the median is 2 days (not the mean of 2 and 4).
    assertThat(number(pooled, "relational.timeToTrust.medianDays")).isCloseTo(2.0, within(EPS));
  }

  @Test
  void redeliveredEvents_changeNoRowAndNoFigure() {
    ServiceId service = world.service(20, 90);
    WorkerId worker = world.worker("2024-01-01T09:00:00Z");
    EpisodeId e = episodeStartingAt(service, worker, "2025-03-02T10:00:00Z", 30);
    world.contact(e, worker, "2025-03-01T10:00:00Z").minutes(20).record(); // earlier, late
    world.assign(e, worker, "2025-02-28T10:00:00Z");
    world.milestone(e, TrustMarker.CO_PRODUCED_PLAN, "2025-03-09T10:00:00Z");
    world.checkIn(e, "2025-03-08T10:00:00Z", 5, 5, 5, 5);
    world.missed(e, MissedBy.PERSON, FollowUp.CALL, "2025-03-10T10:00:00Z");
    world.outcome(e, "2025-03-12T10:00:00Z");
    world.aftercareEnded(e, "2025-03-13T10:00:00Z");
    world.feedback(e, false, "2025-03-14T10:00:00Z");
    world.close(e, PLANNED_COMPLETION, "2025-03-15T10:00:00Z");
    world.reflectivePractice(worker, "2025-03-05T10:00:00Z", 50);
    var before = dashboard(service, "2025-03-01", "2025-04-01", "2025-06-01T00:00:00Z");
    var episodeRow =
        world
            .db
            .fetchOne("SELECT e::text FROM read_model.episode e WHERE episode_id = ?", e.value())
            .get(0);

    world.redeliverAll();

    assertThat(dashboard(service, "2025-03-01", "2025-04-01", "2025-06-01T00:00:00Z"))
        .isEqualTo(before);
    assertThat(
            world
                .db
                .fetchOne(
                    "SELECT e::text FROM read_model.episode e WHERE episode_id = ?", e.value())
                .get(0))
        .isEqualTo(episodeRow);
    assertThat(
            world.db.fetchValue(
                "SELECT count(*) FROM read_model.contact WHERE episode_id = ?", e.value()))
        .isEqualTo(2L);
    assertThat(
            world.db.fetchValue(
                "SELECT count(*) FROM read_model.check_in WHERE episode_id = ?", e.value()))
        .isEqualTo(1L);
  }

  private EpisodeId episodeStartingAt(
      ServiceId service, WorkerId worker, String firstContact, int minutes) {
    Instant at = Instant.parse(firstContact);
    EpisodeId episode = world.referral(service, at.minusSeconds(86_400 * 3).toString());
    world.contact(episode, worker, firstContact).minutes(minutes).record();
    return episode;
  }
}
