package cymru.calon.query.figures;

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.query.figures.Figure.Count;
import cymru.calon.query.figures.Figure.FromEpisodes;
import cymru.calon.query.figures.Figure.Mean;
import cymru.calon.query.figures.Figure.Minutes;
import cymru.calon.query.figures.Figure.MinutesShare;
import cymru.calon.query.figures.Figure.Rate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Computes every figure of METRICS.md (K1–K5, R1–R13) for a scope of services and a window, from
 * the figures' read models. Each section is a handful of indexed queries over the scope's rows in
 * the period; per-episode values (first contact, trust point, closure) come pre-computed from the
 * episode summary.
 */
@Component
public class DashboardFigures {
  /** The survival times R1 reports S(t) at, in days. */
  static final int[] SURVIVAL_DAYS = {30, 60, 90, 180};

  private static final Set<ClosureReason> REVOLVING_DOOR_REASONS =
      Set.of(
          ClosureReason.PLANNED_COMPLETION,
          ClosureReason.PERSON_CHOSE_TO_END,
          ClosureReason.NON_ENGAGEMENT,
          ClosureReason.FUNDING_TIME_LIMIT);
  private static final Set<ClosureReason> WITHDRAWAL_REASONS =
      Set.of(ClosureReason.PLANNED_COMPLETION, ClosureReason.FUNDING_TIME_LIMIT);

  private final DSLContext db;
  private final WorkingDays workingDays;

  public DashboardFigures(DSLContext db, WorkingDays workingDays) {
    this.db = db;
    this.workingDays = workingDays;
  }

  /** The KPI view and the relational view of the services' episodes in the window. */
  public FigureTree compute(List<UUID> services, FigureWindow window) {
    QueryPart[] scope = {
      DSL.val(services.toArray(UUID[]::new), SQLDataType.UUID.array()),
      DSL.val(FigureWindow.utc(window.start())),
      DSL.val(FigureWindow.utc(window.end())),
      DSL.val(FigureWindow.utc(window.asOf())),
      DSL.val(FigureWindow.utc(window.observedEnd()))
    };
    ContractTerms terms = ContractTerms.from(db.resultQuery(FigureSql.TERMS, scope).fetch());
    Record counts = db.resultQuery(FigureSql.COUNTS, scope).fetchOne();
    List<Start> starts = starts(db.resultQuery(FigureSql.STARTS, scope).fetch());
    List<Closure> closures = closures(db.resultQuery(FigureSql.CLOSURES, scope).fetch());
    List<Outcome> outcomes = outcomes(db.resultQuery(FigureSql.OUTCOMES, scope).fetch());
    List<EpisodeContacts> contacts =
        episodeContacts(
            db.resultQuery(FigureSql.contactsByEpisode(choiceColumns()), scope).fetch());
    Record checkIns = db.resultQuery(FigureSql.CHECK_INS, scope).fetchOne();
    Result<Record> workforce = db.resultQuery(FigureSql.WORKFORCE, scope).fetch();
    Record staffInPeriod = db.resultQuery(FigureSql.STAFF_IN_PERIOD, scope).fetchOne();

    FigureTree kpi =
        new FigureTree()
            .put("referrals", new Count(counts.get("referrals", Long.class)))
            .put("waitingWithinTarget", waitingWithinTarget(starts, terms))
            .put(
                "completions",
                new Rate(
                    count(closures, c -> c.reason == ClosureReason.PLANNED_COMPLETION),
                    closures.size()))
            .put("outcomesAchieved", new Count(outcomes.size()))
            .put("closedWithinTimeLimit", closedWithinTimeLimit(closures, terms));
    FigureTree relational =
        new FigureTree()
            .put("timeToTrust", timeToTrust(starts, window))
            .put("relationshipTime", relationshipTime(contacts))
            .put("continuity", continuity(contacts, counts))
            .put("tellItOnce", tellItOnce(contacts))
            .put("choice", choice(contacts))
            .put("interpreter", interpreter(contacts))
            .put("setting", setting(contacts))
            .put("engagement", engagement(counts, closures))
            .put("aftercare", aftercare(outcomes, closures, window))
            .put("revolvingDoor", revolvingDoor(closures, window))
            .put("voice", voice(checkIns, counts))
            .put("staff", staff(workforce, staffInPeriod, window))
            .put("peerSupport", peerSupport(contacts));
    return new FigureTree().put("kpi", kpi).put("relational", relational);
  }

  // ---- K2, K5 ----

  private Rate waitingWithinTarget(List<Start> starts, ContractTerms terms) {
    long within = 0;
    for (Start start : starts) {
      int waiting =
          workingDays.between(
              FigureWindow.localDate(start.referredAt), FigureWindow.localDate(start.startAt));
      if (waiting <= terms.at(start.serviceId, start.startAt).waitingWorkingDays()) {
        within++;
      }
    }
    return new Rate(within, starts.size());
  }

  private static Rate closedWithinTimeLimit(List<Closure> closures, ContractTerms terms) {
    long limited = 0;
    long within = 0;
    for (Closure closure : closures) {
      Integer max = terms.at(closure.serviceId, closure.closedAt).maxEpisodeDays();
      if (max == null) {
        continue;
      }
      limited++;
      if (FigureWindow.days(closure.referredAt, closure.closedAt) <= max) {
        within++;
      }
    }
    return new Rate(within, limited);
  }

  // ---- R1 ----

  private static FigureTree timeToTrust(List<Start> starts, FigureWindow window) {
    Instant horizon = window.horizon();
    List<KaplanMeier.Observation> observations = new ArrayList<>(starts.size());
    List<Long> minutesToTrust = new ArrayList<>();
    for (Start start : starts) {
      if (start.trustAt != null && !start.trustAt.isAfter(horizon)) {
        observations.add(
            new KaplanMeier.Observation(nonNegativeDays(start.startAt, start.trustAt), true));
        minutesToTrust.add(start.minutesToTrust);
      } else if (start.closedAt != null && !start.closedAt.isAfter(horizon)) {
        observations.add(
            new KaplanMeier.Observation(nonNegativeDays(start.startAt, start.closedAt), false));
      } else {
        observations.add(
            new KaplanMeier.Observation(nonNegativeDays(start.startAt, horizon), false));
      }
    }
    KaplanMeier km = KaplanMeier.estimate(observations);
    return survival(km, "medianDays")
        .put(
            "contactMinutesToTrust",
            new FromEpisodes(median(minutesToTrust), minutesToTrust.size()));
  }

  /** Episodes, events, censored, median, S(t) at 30/60/90/180 days, the curve with its band. */
  private static FigureTree survival(KaplanMeier km, String medianName) {
    long n = km.subjects();
    OptionalDouble median = km.median();
    FigureTree survivalAt = new FigureTree();
    for (int days : SURVIVAL_DAYS) {
      survivalAt.put(String.valueOf(days), new FromEpisodes(km.survivalAt(days), n));
    }
    List<FigureTree> curve = new ArrayList<>();
    for (KaplanMeier.Step step : km.steps()) {
      curve.add(
          new FigureTree()
              .put("t", new FromEpisodes(step.time(), n))
              .put("survival", new FromEpisodes(step.survival(), n))
              .put("lower", new FromEpisodes(finiteOrNull(step.lower()), n))
              .put("upper", new FromEpisodes(finiteOrNull(step.upper()), n))
              .put("atRisk", new Count(step.atRisk()))
              .put("events", new Count(step.events())));
    }
    return new FigureTree()
        .put("episodes", new Count(n))
        .put("events", new Count(km.events()))
        .put("censored", new Count(km.censored()))
        .put(medianName, new FromEpisodes(median.isPresent() ? median.getAsDouble() : null, n))
        .put("survivalAt", survivalAt)
        .put("curve", curve);
  }

  // ---- R2–R7, R13 ----

  private static FigureTree relationshipTime(List<EpisodeContacts> contacts) {
    long allMinutes = 0;
    long inPersonMinutes = 0;
    long contactCount = 0;
    List<Long> perEpisode = new ArrayList<>(contacts.size());
    for (EpisodeContacts episode : contacts) {
      perEpisode.add(episode.minutes);
      allMinutes += episode.minutes;
      inPersonMinutes += episode.inPersonMinutes;
      contactCount += episode.contacts;
    }
    return new FigureTree()
        .put("episodes", new Count(contacts.size()))
        .put("medianMinutesPerEpisode", new FromEpisodes(median(perEpisode), contacts.size()))
        .put("inPersonShare", new MinutesShare(inPersonMinutes, allMinutes, contactCount));
  }

  private static FigureTree continuity(List<EpisodeContacts> contacts, Record counts) {
    double coc = 0;
    double upc = 0;
    double secon = 0;
    double distinct = 0;
    long episodes = 0;
    for (EpisodeContacts episode : contacts) {
      long n = episode.contacts;
      if (n < 2) {
        continue;
      }
      Map<UUID, Long> byWorker =
          Arrays.stream(episode.workers)
              .collect(Collectors.groupingBy(worker -> worker, Collectors.counting()));
      long sumSquares = 0;
      long most = 0;
      for (long nj : byWorker.values()) {
        sumSquares += nj * nj;
        most = Math.max(most, nj);
      }
      long samePairs = 0;
      for (int i = 1; i < episode.workers.length; i++) {
        if (episode.workers[i].equals(episode.workers[i - 1])) {
          samePairs++;
        }
      }
      coc += (double) (sumSquares - n) / (n * (n - 1));
      upc += (double) most / n;
      secon += (double) samePairs / (n - 1);
      distinct += byWorker.size();
      episodes++;
    }
    long handovers = counts.get("handovers", Long.class);
    return new FigureTree()
        .put("episodes", new Count(episodes))
        .put("meanCoc", mean(coc, episodes))
        .put("meanUpc", mean(upc, episodes))
        .put("meanSecon", mean(secon, episodes))
        .put("meanDistinctWorkers", mean(distinct, episodes))
        .put("handovers", new Count(handovers))
        .put("warmHandoverShare", new Rate(counts.get("warm_handovers", Long.class), handovers))
        .put(
            "handoversFromDepartures",
            new Count(counts.get("handovers_from_departures", Long.class)));
  }

  private static FigureTree tellItOnce(List<EpisodeContacts> contacts) {
    long retold = 0;
    long all = 0;
    long twiceOrMore = 0;
    for (EpisodeContacts episode : contacts) {
      retold += episode.retold;
      all += episode.contacts;
      if (episode.retold >= 2) {
        twiceOrMore++;
      }
    }
    return new FigureTree()
        .put("storyRetoldShare", new Rate(retold, all))
        .put("episodesRetoldTwiceOrMore", new Count(twiceOrMore));
  }

  private static FigureTree choice(List<EpisodeContacts> contacts) {
    long all = 0;
    long withChoice = 0;
    long[] byChoice = new long[Choice.values().length];
    for (EpisodeContacts episode : contacts) {
      all += episode.contacts;
      withChoice += episode.withChoice;
      for (int i = 0; i < byChoice.length; i++) {
        byChoice[i] += episode.byChoice[i];
      }
    }
    FigureTree each = new FigureTree();
    for (Choice choice : Choice.values()) {
      each.put(choice.name(), new Rate(byChoice[choice.ordinal()], all));
    }
    return new FigureTree().put("choiceShare", new Rate(withChoice, all)).put("byChoice", each);
  }

  private static FigureTree interpreter(List<EpisodeContacts> contacts) {
    long interpreted = 0;
    long inPerson = 0;
    for (EpisodeContacts episode : contacts) {
      interpreted += episode.interpreted;
      inPerson += episode.interpreterInPerson;
    }
    return new FigureTree().put("interpreterInPersonShare", new Rate(inPerson, interpreted));
  }

  /** As METRICS.md R7 writes it: contacts in a private room or at home, over contacts in person. */
  private static FigureTree setting(List<EpisodeContacts> contacts) {
    long inPerson = 0;
    long privateSetting = 0;
    for (EpisodeContacts episode : contacts) {
      inPerson += episode.inPerson;
      privateSetting += episode.privateSetting;
    }
    return new FigureTree().put("privateSettingShare", new Rate(privateSetting, inPerson));
  }

  private static FigureTree peerSupport(List<EpisodeContacts> contacts) {
    long withPeer = 0;
    long minutes = 0;
    long peerContacts = 0;
    for (EpisodeContacts episode : contacts) {
      if (episode.peer > 0) {
        withPeer++;
      }
      minutes += episode.peerMinutes;
      peerContacts += episode.peer;
    }
    return new FigureTree()
        .put("episodesWithPeerSupportShare", new Rate(withPeer, contacts.size()))
        .put("peerSupportMinutes", new Minutes(minutes, peerContacts));
  }

  // ---- R8 ----

  private static FigureTree engagement(Record counts, List<Closure> closures) {
    long byPerson = counts.get("missed_by_person", Long.class);
    return new FigureTree()
        .put("missedByPerson", new Count(byPerson))
        .put("missedByService", new Count(counts.get("missed_by_service", Long.class)))
        .put(
            "personMissedFollowedUpShare",
            new Rate(counts.get("missed_by_person_followed_up", Long.class), byPerson))
        .put(
            "nonEngagementClosures",
            new Count(count(closures, c -> c.reason == ClosureReason.NON_ENGAGEMENT)))
        .put("reEngagements", new Count(counts.get("re_engagements", Long.class)));
  }

  // ---- R9 ----

  private static FigureTree aftercare(
      List<Outcome> outcomes, List<Closure> closures, FigureWindow window) {
    Instant horizon = window.horizon();
    long withAftercare = 0;
    long pending = 0;
    List<KaplanMeier.Observation> durations = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      if (outcome.hasAftercare) {
        withAftercare++;
      } else if (outcome.at.plusSeconds(28L * 86_400).isAfter(horizon)) {
        pending++;
      }
      durations.add(aftercareDuration(outcome, horizon));
    }
    long withdrawable = 0;
    long withdrawn = 0;
    for (Closure closure : closures) {
      if (WITHDRAWAL_REASONS.contains(closure.reason)) {
        withdrawable++;
        if (closure.withdrawnTooSoon) {
          withdrawn++;
        }
      }
    }
    KaplanMeier km = KaplanMeier.estimate(durations);
    OptionalDouble median = km.median();
    return new FigureTree()
        .put("outcomes", new Count(outcomes.size()))
        .put("pending", new Count(pending))
        .put("withAftercareWithin28Days", new Rate(withAftercare, outcomes.size() - pending))
        .put(
            "medianAftercareDays",
            new FromEpisodes(median.isPresent() ? median.getAsDouble() : null, outcomes.size()))
        .put("withdrawnTooSoon", new Rate(withdrawn, withdrawable));
  }

  /**
   * From the outcome to the end of aftercare: the later of the first AftercareEnded after the
   * outcome and the last aftercare or follow-up contact after it. Without an AftercareEnded, a
   * closed episode's aftercare ended with its last such contact (or at the outcome, if there was
   * none); an open one is censored at H.
   */
  private static KaplanMeier.Observation aftercareDuration(Outcome outcome, Instant horizon) {
    Instant ended = outcome.aftercareEnded;
    if (ended != null && !ended.isAfter(horizon)) {
      Instant end = later(ended, outcome.lastAftercareContact);
      return new KaplanMeier.Observation(nonNegativeDays(outcome.at, end), true);
    }
    if (outcome.closedAt != null && !outcome.closedAt.isAfter(horizon)) {
      Instant end = later(outcome.at, outcome.lastAftercareContact);
      return new KaplanMeier.Observation(nonNegativeDays(outcome.at, end), true);
    }
    return new KaplanMeier.Observation(nonNegativeDays(outcome.at, horizon), false);
  }

  // ---- R10 ----

  private static FigureTree revolvingDoor(List<Closure> closures, FigureWindow window) {
    long[] returned = new long[2]; // [without aftercare, with aftercare]
    long[] counted = new long[2];
    for (Closure closure : closures) {
      if (!REVOLVING_DOOR_REASONS.contains(closure.reason)) {
        continue;
      }
      boolean pending =
          !closure.returned
              && closure.closedAt.plusSeconds(180L * 86_400).isAfter(window.horizon());
      if (pending) {
        continue;
      }
      int group = closure.hadAftercare ? 1 : 0;
      counted[group]++;
      if (closure.returned) {
        returned[group]++;
      }
    }
    return new FigureTree()
        .put("returnedWithin180Days", new Rate(returned[0] + returned[1], counted[0] + counted[1]))
        .put("withAftercare", new Rate(returned[1], counted[1]))
        .put("withoutAftercare", new Rate(returned[0], counted[0]));
  }

  // ---- R11, R12 ----

  private static FigureTree voice(Record checkIns, Record counts) {
    long n = checkIns.get("check_ins", Long.class);
    FigureTree voice = new FigureTree().put("checkIns", new Count(n));
    for (String score : List.of("listened_to", "had_a_say", "trust_worker", "felt_safe")) {
      voice.put(camel(score), new Mean(checkIns.get(score, Double.class), n));
    }
    return voice
        .put("feedback", new Count(counts.get("feedback", Long.class)))
        .put("complaints", new Count(counts.get("complaints", Long.class)))
        .put("stories", new Count(counts.get("stories", Long.class)));
  }

  private static FigureTree staff(Result<Record> workforce, Record inPeriod, FigureWindow window) {
    long active = workforce.size();
    long caseloads = 0;
    long max = 0;
    for (Record worker : workforce) {
      long caseload = worker.get("caseload", Long.class);
      caseloads += caseload;
      max = Math.max(max, caseload);
    }
    long minutes = inPeriod.get("reflective_minutes", Long.class);
    double workerMonths = active * window.months();
    return new FigureTree()
        .put("activeWorkers", new Count(active))
        .put("meanCaseload", new Mean(active == 0 ? null : (double) caseloads / active, active))
        .put("maxCaseload", new Count(active == 0 ? 0 : max))
        // Suppressed below the usual denominator of workers: with few workers, each one's
        // practice could be read off the figure.
        .put(
            "reflectiveMinutesPerWorkerMonth",
            new Mean(active == 0 ? null : minutes / workerMonths, active))
        .put("departures", new Count(inPeriod.get("departures", Long.class)));
  }

  // ---- rows ----

  private record Start(
      UUID serviceId,
      Instant referredAt,
      Instant startAt,
      Instant trustAt,
      Instant closedAt,
      long minutesToTrust) {}

  private static List<Start> starts(Result<Record> rows) {
    List<Start> starts = new ArrayList<>(rows.size());
    for (Record row : rows) {
      starts.add(
          new Start(
              row.get("service_id", UUID.class),
              instant(row, "referred_at"),
              instant(row, "start_at"),
              instant(row, "trust_at"),
              instant(row, "closed_at"),
              row.get("minutes_to_trust", Long.class)));
    }
    return starts;
  }

  private record Closure(
      UUID serviceId,
      Instant referredAt,
      Instant closedAt,
      ClosureReason reason,
      boolean hadAftercare,
      boolean returned,
      boolean withdrawnTooSoon) {}

  private static List<Closure> closures(Result<Record> rows) {
    List<Closure> closures = new ArrayList<>(rows.size());
    for (Record row : rows) {
      closures.add(
          new Closure(
              row.get("service_id", UUID.class),
              instant(row, "referred_at"),
              instant(row, "closed_at"),
              ClosureReason.valueOf(row.get("closure_reason", String.class)),
              row.get("had_aftercare", Boolean.class),
              row.get("returned", Boolean.class),
              row.get("withdrawn_too_soon", Boolean.class)));
    }
    return closures;
  }

  private record Outcome(
      Instant at,
      Instant closedAt,
      boolean hasAftercare,
      Instant lastAftercareContact,
      Instant aftercareEnded) {}

  private static List<Outcome> outcomes(Result<Record> rows) {
    List<Outcome> outcomes = new ArrayList<>(rows.size());
    for (Record row : rows) {
      outcomes.add(
          new Outcome(
              instant(row, "occurred_at"),
              instant(row, "closed_at"),
              row.get("has_aftercare", Boolean.class),
              instant(row, "last_aftercare_contact"),
              instant(row, "aftercare_ended")));
    }
    return outcomes;
  }

  private record EpisodeContacts(
      long contacts,
      long minutes,
      UUID[] workers,
      long retold,
      long peer,
      long peerMinutes,
      long inPersonMinutes,
      long withChoice,
      long interpreted,
      long interpreterInPerson,
      long inPerson,
      long privateSetting,
      long[] byChoice) {}

  private static String choiceColumns() {
    StringBuilder columns = new StringBuilder();
    for (Choice choice : Choice.values()) {
      columns
          .append(", count(*) FILTER (WHERE '")
          .append(choice.name())
          .append("' = ANY(c.choices)) AS choice_")
          .append(choice.name().toLowerCase(Locale.ROOT));
    }
    return columns.toString();
  }

  private static List<EpisodeContacts> episodeContacts(Result<Record> rows) {
    List<EpisodeContacts> episodes = new ArrayList<>(rows.size());
    for (Record row : rows) {
      long[] byChoice = new long[Choice.values().length];
      for (Choice choice : Choice.values()) {
        byChoice[choice.ordinal()] =
            row.get("choice_" + choice.name().toLowerCase(Locale.ROOT), Long.class);
      }
      episodes.add(
          new EpisodeContacts(
              row.get("contacts", Long.class),
              row.get("minutes", Long.class),
              row.get("workers", UUID[].class),
              row.get("retold", Long.class),
              row.get("peer", Long.class),
              row.get("peer_minutes", Long.class),
              row.get("in_person_minutes", Long.class),
              row.get("with_choice", Long.class),
              row.get("interpreted", Long.class),
              row.get("interpreter_in_person", Long.class),
              row.get("in_person", Long.class),
              row.get("private_setting", Long.class),
              byChoice));
    }
    return episodes;
  }

  // ---- helpers ----

  private static Instant instant(Record row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return b == null || a.isAfter(b) ? a : b;
  }

  private static double nonNegativeDays(Instant from, Instant to) {
    return Math.max(0.0, FigureWindow.days(from, to));
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static Mean mean(double sum, long n) {
    return new Mean(n == 0 ? null : sum / n, n);
  }

  /** The middle value, or the mean of the two middle values; null when there are none. */
  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? (double) sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  private static <T> long count(List<T> items, java.util.function.Predicate<T> test) {
    return items.stream().filter(test).count();
  }

  private static String camel(String snake) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char ch : snake.toCharArray()) {
      if (ch == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(ch) : ch);
        upper = false;
      }
    }
    return camel.toString();
  }

  /** Which contract terms were in force for each service at an instant, as known at as-of. */
  record ContractTerms(Map<UUID, List<Version>> versions) {
    record Version(Instant effectiveAt, int waitingWorkingDays, Integer maxEpisodeDays) {}

    static ContractTerms from(Result<Record> rows) {
      Map<UUID, List<Version>> versions = new HashMap<>();
      for (Record row : rows) {
        versions
            .computeIfAbsent(row.get("service_id", UUID.class), id -> new ArrayList<>())
            .add(
                new Version(
                    row.get("effective_at", OffsetDateTime.class).toInstant(),
                    row.get("waiting_working_days", Integer.class),
                    row.get("max_episode_days", Integer.class)));
      }
      return new ContractTerms(versions);
    }

    /** The latest version in effect at {@code instant}; before the first, the first. */
    Version at(UUID serviceId, Instant instant) {
      List<Version> history = versions.get(serviceId);
      if (history == null || history.isEmpty()) {
        throw new IllegalStateException("Service " + serviceId + " has no contract terms.");
      }
      Version current = history.getFirst();
      for (Version version : history) {
        if (version.effectiveAt().isAfter(instant)) {
          break;
        }
        current = version;
      }
      return current;
    }
  }
}
