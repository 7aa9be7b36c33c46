package cymru.calon.query.pages;

import java.util.List;

/**
 * What the pages, the CSV and the PDF show of a dashboard, in the order they show it: each figure
 * of METRICS.md by its JSON path, how it reads, and the sections and charts it is grouped in. Names
 * and help text are messages ({@code figure.<path>.name}, {@code figure.<path>.help}, {@code
 * section.<id>.title}, {@code section.<id>.help}) in English and Welsh.
 */
public final class FigureCatalogue {
  /** How a figure's value reads. */
  public enum Kind {
    /** A number of things. */
    COUNT,
    /** {numerator, denominator, rate}: a share. */
    RATE,
    /** A mean, to two decimals. */
    MEAN,
    /** A mean of person-reported scores from 1 to 5. */
    SCORE,
    /** A duration in days. */
    DAYS,
    /** A number of minutes. */
    MINUTES,
    /** A mean number of minutes. */
    MEAN_MINUTES,
    /** The share still without trust at a time: S(t) of a survival curve. */
    SURVIVAL
  }

  public record Item(String path, Kind kind) {
    public String nameKey() {
      return "figure." + path + ".name";
    }

    public String helpKey() {
      return "figure." + path + ".help";
    }
  }

  public enum ChartType {
    SURVIVAL,
    BARS
  }

  /**
   * A chart of a section: a survival curve drawn from the list at {@code curvePath}, or bars of the
   * section's figures at {@code barPaths} on a scale up to {@code max} (null: the data's own).
   */
  public record Chart(
      ChartType type, String curvePath, List<String> barPaths, Double max, boolean percent) {
    static Chart survival(String curvePath) {
      return new Chart(ChartType.SURVIVAL, curvePath, List.of(), 1.0, true);
    }

    static Chart bars(Double max, boolean percent, String... paths) {
      return new Chart(ChartType.BARS, null, List.of(paths), max, percent);
    }
  }

  public record Section(String id, List<Item> items, Chart chart) {
    public String titleKey() {
      return "section." + id + ".title";
    }

    public String helpKey() {
      return "section." + id + ".help";
    }
  }

  private static final String R = "relational.";

  public static final List<Section> SECTIONS =
      List.of(
          new Section(
              "kpi",
              items(
                  "kpi.",
                  "referrals:COUNT",
                  "waitingWithinTarget:RATE",
                  "completions:RATE",
                  "outcomesAchieved:COUNT",
                  "closedWithinTimeLimit:RATE"),
              null),
          new Section(
              "timeToTrust",
              items(
                  R + "timeToTrust.",
                  "episodes:COUNT",
                  "events:COUNT",
                  "censored:COUNT",
                  "medianDays:DAYS",
                  "survivalAt.30:SURVIVAL",
                  "survivalAt.60:SURVIVAL",
                  "survivalAt.90:SURVIVAL",
                  "survivalAt.180:SURVIVAL",
                  "contactMinutesToTrust:MINUTES"),
              Chart.survival(R + "timeToTrust.curve")),
          new Section(
              "relationshipTime",
              items(
                  R + "relationshipTime.",
                  "episodes:COUNT",
                  "medianMinutesPerEpisode:MINUTES",
                  "inPersonShare:RATE"),
              null),
          new Section(
              "continuity",
              items(
                  R + "continuity.",
                  "episodes:COUNT",
                  "meanCoc:MEAN",
                  "meanUpc:MEAN",
                  "meanSecon:MEAN",
                  "meanDistinctWorkers:MEAN",
                  "handovers:COUNT",
                  "warmHandoverShare:RATE",
                  "handoversFromDepartures:COUNT"),
              Chart.bars(
                  1.0,
                  false,
                  R + "continuity.meanCoc",
                  R + "continuity.meanUpc",
                  R + "continuity.meanSecon")),
          new Section(
              "tellItOnce",
              items(R + "tellItOnce.", "storyRetoldShare:RATE", "episodesRetoldTwiceOrMore:COUNT"),
              null),
          new Section(
              "choice",
              items(
                  R + "choice.",
                  "choiceShare:RATE",
                  "byChoice.TIME:RATE",
                  "byChoice.PLACE:RATE",
                  "byChoice.WORKER:RATE",
                  "byChoice.WORKER_GENDER:RATE",
                  "byChoice.INTERPRETER:RATE",
                  "byChoice.MODE:RATE"),
              Chart.bars(
                  1.0,
                  true,
                  R + "choice.byChoice.TIME",
                  R + "choice.byChoice.PLACE",
                  R + "choice.byChoice.WORKER",
                  R + "choice.byChoice.WORKER_GENDER",
                  R + "choice.byChoice.INTERPRETER",
                  R + "choice.byChoice.MODE")),
          new Section(
              "spaces",
              List.of(
                  new Item(R + "interpreter.interpreterInPersonShare", Kind.RATE),
                  new Item(R + "setting.privateSettingShare", Kind.RATE)),
              null),
          new Section(
              "engagement",
              items(
                  R + "engagement.",
                  "missedByPerson:COUNT",
                  "missedByService:COUNT",
                  "personMissedFollowedUpShare:RATE",
                  "nonEngagementClosures:COUNT",
                  "reEngagements:COUNT"),
              Chart.bars(
                  null, false, R + "engagement.missedByPerson", R + "engagement.missedByService")),
          new Section(
              "aftercare",
              items(
                  R + "aftercare.",
                  "outcomes:COUNT",
                  "pending:COUNT",
                  "withAftercareWithin28Days:RATE",
                  "medianAftercareDays:DAYS",
                  "withdrawnTooSoon:RATE"),
              null),
          new Section(
              "revolvingDoor",
              items(
                  R + "revolvingDoor.",
                  "returnedWithin180Days:RATE",
                  "withAftercare:RATE",
                  "withoutAftercare:RATE"),
              Chart.bars(
                  1.0,
                  true,
                  R + "revolvingDoor.returnedWithin180Days",
                  R + "revolvingDoor.withAftercare",
                  R + "revolvingDoor.withoutAftercare")),
          new Section(
              "voice",
              items(
                  R + "voice.",
                  "checkIns:COUNT",
                  "listenedTo:SCORE",
                  "hadASay:SCORE",
                  "trustWorker:SCORE",
                  "feltSafe:SCORE",
                  "feedback:COUNT",
                  "complaints:COUNT",
                  "stories:COUNT"),
              Chart.bars(
                  5.0,
                  false,
                  R + "voice.listenedTo",
                  R + "voice.hadASay",
                  R + "voice.trustWorker",
                  R + "voice.feltSafe")),
          new Section(
              "staff",
              items(
                  R + "staff.",
                  "activeWorkers:COUNT",
                  "meanCaseload:MEAN",
                  "maxCaseload:COUNT",
                  "reflectiveMinutesPerWorkerMonth:MEAN_MINUTES",
                  "departures:COUNT"),
              null),
          new Section(
              "peerSupport",
              items(
                  R + "peerSupport.",
                  "episodesWithPeerSupportShare:RATE",
                  "peerSupportMinutes:MINUTES"),
              null));

  /**
   * The relational figures shown beside the KPIs at the top of a dashboard: what the KPIs do not
   * count.
   */
  public static final List<String> HEADLINES =
      List.of(
          R + "timeToTrust.medianDays",
          R + "continuity.meanCoc",
          R + "relationshipTime.medianMinutesPerEpisode",
          R + "tellItOnce.storyRetoldShare",
          R + "aftercare.withAftercareWithin28Days",
          R + "aftercare.withdrawnTooSoon",
          R + "revolvingDoor.withAftercare",
          R + "revolvingDoor.withoutAftercare");

  private FigureCatalogue() {}

  /** The item at {@code path}. */
  public static Item item(String path) {
    for (Section section : SECTIONS) {
      for (Item item : section.items()) {
        if (item.path().equals(path)) {
          return item;
        }
      }
    }
    throw new IllegalArgumentException("no figure " + path);
  }

  private static List<Item> items(String prefix, String... specs) {
    return java.util.Arrays.stream(specs)
        .map(
            spec -> {
              int colon = spec.lastIndexOf(':');
              return new Item(
                  prefix + spec.substring(0, colon), Kind.valueOf(spec.substring(colon + 1)));
            })
        .toList();
  }
}
