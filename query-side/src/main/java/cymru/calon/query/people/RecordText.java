package cymru.calon.query.people;

import com.ibm.icu.util.ULocale;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.EpisodeEvent;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.PersonEvent;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.query.figures.FigureWindow;
import cymru.calon.query.pages.Languages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A person's record in plain words, in English or Welsh, addressed to them: one kind, complete
 * sentence or two for every event about them, and one for every time someone looked at their
 * record. Only what the event says is told; identifiers other than a worker's (shortened) are left
 * to the JSON, where a reader who needs them finds them.
 */
@Component
public class RecordText {
  private static final int WORKER_ID_SHOWN = 8;

  private final MessageSource messages;

  public RecordText(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * What happened, for an event whose personal data is told elsewhere: a registration names its
   * facts and points to the details at the start of the record rather than opening them.
   */
  public String describe(PersonRecord.Entry entry, Locale locale) {
    return describe(entry, Optional.empty(), false, locale);
  }

  /**
   * What happened, as the person's own record tells it: a registration also gives the details they
   * gave, while they can still be opened, or says that they were erased.
   */
  public String describe(PersonRecord record, PersonRecord.Entry entry, Locale locale) {
    return describe(entry, record.details(), true, locale);
  }

  /** One read or export of the record: when, who (and in what role), what and why. */
  public String describe(PersonRecord.View view, Locale locale) {
    Locale language = Languages.of(locale);
    String when = instant(view.at(), language);
    String what = viewed(view, language);
    return view.why() == null || view.why().isBlank()
        ? message("record.view.no-reason", language, when, what)
        : message("record.view", language, when, what, view.why().strip());
  }

  /** The same without the time, for a table whose first column gives it. */
  public String whoAndWhy(PersonRecord.View view, Locale locale) {
    Locale language = Languages.of(locale);
    String what = viewed(view, language);
    String told =
        view.why() == null || view.why().isBlank()
            ? message("record.view.undated.no-reason", language, what)
            : message("record.view.undated", language, what, view.why().strip());
    // In Welsh the verb comes first: "Darllenodd Rhys Evans …".
    return told.substring(0, 1).toUpperCase(language) + told.substring(1);
  }

  private String viewed(PersonRecord.View view, Locale language) {
    String role = messages.getMessage("record.role." + view.role(), null, view.role(), language);
    String who = message("record.view.who", language, view.viewer(), role);
    return messages.getMessage(
        "record.view.what." + view.what(),
        new Object[] {who},
        message("record.view.what.other", language, who, view.what()),
        language);
  }

  private String describe(
      PersonRecord.Entry entry, Optional<ProtectedDetails> details, boolean opened, Locale locale) {
    Locale language = Languages.of(locale);
    return switch (entry.event()) {
      case PersonEvent person -> person(person, details, opened, language);
      case EpisodeEvent episode -> episode(episode, entry.storyText(), language);
      default ->
          throw new IllegalArgumentException(
              "not an event about a person: " + entry.event().getClass().getName());
    };
  }

  private String person(
      PersonEvent event, Optional<ProtectedDetails> details, boolean opened, Locale language) {
    return switch (event) {
      case PersonRegistered registered -> registered(registered, details, opened, language);
      case ConsentRecorded consent ->
          message(
              consent.granted() ? "record.consent.granted" : "record.consent.withdrawn",
              language,
              word(consent.scope(), language));
      case PersonForgotten forgotten -> message("record.forgotten", language);
    };
  }

  private String registered(
      PersonRegistered registered,
      Optional<ProtectedDetails> details,
      boolean opened,
      Locale language) {
    String facts =
        message(
            "record.registered",
            language,
            languageName(registered.preferredLanguage(), language),
            message(
                registered.interpreterNeeded()
                    ? "record.registered.interpreter"
                    : "record.registered.no-interpreter",
                language),
            word(registered.ageBand(), language));
    String about;
    if (!opened) {
      about = message("record.registered.details-apart", language);
    } else if (details.isPresent()) {
      about = message("record.registered.details", language, details(details.get(), language));
    } else {
      about = message("record.registered.erased", language);
    }
    return facts + " " + about;
  }

  /** The details a person gave, as one list: "name: …; date of birth: …; NHS number: …". */
  String details(ProtectedDetails details, Locale language) {
    List<String> parts = new ArrayList<>();
    parts.add(message("record.details.name", language, details.name()));
    if (details.dateOfBirth() != null) {
      parts.add(
          message("record.details.date-of-birth", language, date(details.dateOfBirth(), language)));
    }
    if (details.contactDetails() != null && !details.contactDetails().isBlank()) {
      parts.add(message("record.details.contact", language, details.contactDetails().strip()));
    }
    for (ProtectedDetails.ExternalReference reference : details.externalReferences()) {
      parts.add(
          message(
              "record.details.reference",
              language,
              referenceSystem(reference.system(), language),
              reference.value()));
    }
    return String.join("; ", parts);
  }

  /** A reference's system in words ("NHS number"), or as it was given when Calon has no words. */
  public String referenceSystem(String system, Locale locale) {
    return messages.getMessage(
        "record.reference-system." + system, null, system, Languages.of(locale));
  }

  private String episode(EpisodeEvent event, Optional<String> storyText, Locale language) {
    return switch (event) {
      case ReferralReceived referral -> word(referral.source(), language);
      case WorkerAssigned assigned ->
          message("record.assigned", language, worker(assigned.workerId()));
      case WorkerHandedOver handover ->
          message(
                  "record.handover",
                  language,
                  worker(handover.fromWorkerId()),
                  worker(handover.toWorkerId()),
                  word(handover.reason(), language))
              + " "
              + message(
                  handover.warmIntroduction() ? "record.handover.warm" : "record.handover.cold",
                  language);
      case ContactRecorded contact -> contact(contact, language);
      case AppointmentMissed missed ->
          word(missed.missedBy(), language) + " " + word(missed.followUp(), language);
      case TrustMilestoneReached trust ->
          word(trust.marker(), language) + " " + word(trust.observedBy(), language);
      case RelationalCheckInRecorded checkIn ->
          message(
              "record.check-in",
              language,
              checkIn.listenedTo(),
              checkIn.hadASay(),
              checkIn.trustWorker(),
              checkIn.feltSafe(),
              languageName(checkIn.language(), language));
      case OutcomeAchieved outcome ->
          word(outcome.outcomeType(), language)
              + " "
              + message(
                  outcome.personDefined()
                      ? "record.outcome.person-defined"
                      : "record.outcome.agreed",
                  language);
      case AftercarePlanned aftercare -> aftercarePlanned(aftercare, language);
      case AftercareEnded ended -> word(ended.reason(), language);
      case StoryShared story -> story(story, storyText, language);
      case FeedbackGiven feedback ->
          message(
              feedback.complaint() ? "record.feedback.complaint" : "record.feedback.feedback",
              language,
              languageName(feedback.language(), language),
              message(
                  feedback.translated()
                      ? "record.feedback.translated"
                      : "record.feedback.not-translated",
                  language));
      case EpisodeClosed closed -> word(closed.reason(), language);
    };
  }

  private String contact(ContactRecorded contact, Locale language) {
    Set<Choice> choices = contact.choicesOffered();
    String offered =
        choices.isEmpty()
            ? message("record.contact.no-choices", language)
            : message(
                "record.contact.choices",
                language,
                list(choices.stream().map(choice -> word(choice, language)).toList(), language));
    return message(
        "record.contact",
        language,
        word(contact.mode(), language),
        message("record.minutes", language, contact.minutes()),
        word(contact.setting(), language),
        worker(contact.workerId()),
        word(contact.initiatedBy(), language),
        word(contact.interpreter(), language),
        offered,
        message(
            contact.storyRetold()
                ? "record.contact.story-retold"
                : "record.contact.story-not-retold",
            language),
        word(contact.purpose(), language));
  }

  private String aftercarePlanned(AftercarePlanned aftercare, Locale language) {
    LocalDate planned = aftercare.occurredAt().atZone(FigureWindow.LONDON).toLocalDate();
    long days = Math.max(0, ChronoUnit.DAYS.between(planned, aftercare.until()));
    return message(
        "record.aftercare-planned",
        language,
        date(aftercare.until(), language),
        message("record.days", language, days));
  }

  private String story(StoryShared story, Optional<String> text, Locale language) {
    String storyLanguage = languageName(story.language(), language);
    String told =
        text.filter(words -> !words.isBlank())
            .map(words -> message("record.story", language, storyLanguage, words.strip()))
            .orElseGet(() -> message("record.story.erased", language, storyLanguage));
    if (story.relationalValues().isEmpty()) {
      return told;
    }
    List<String> values =
        story.relationalValues().stream()
            .map(value -> message("record.value." + value, language))
            .toList();
    // The values' own names have commas and "and" in them.
    return told + " " + message("record.story.values", language, String.join("; ", values));
  }

  /** The words for one value of an event's enum, e.g. {@code record.enum.ContactMode.PHONE}. */
  public String word(Enum<?> value, Locale locale) {
    return message(key(value), Languages.of(locale));
  }

  /** The message key of an enum value's words. */
  public static String key(Enum<?> value) {
    return "record.enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
  }

  /** A BCP 47 tag as the language's name in the reader's language ("Arabic", "Arabeg"). */
  public String languageName(String tag, Locale locale) {
    if (tag == null || tag.isBlank()) {
      return ULocale.forLanguageTag("und").getDisplayName(ULocale.forLocale(locale));
    }
    return ULocale.forLanguageTag(tag.strip()).getDisplayName(ULocale.forLocale(locale));
  }

  /** A worker by the first characters of their pseudonymous id: enough to tell them apart. */
  static String worker(WorkerId worker) {
    return worker.value().toString().substring(0, WORKER_ID_SHOWN);
  }

  /** "time, place and worker" / "amser, lle a gweithiwr". */
  private String list(List<String> items, Locale language) {
    if (items.size() == 1) {
      return items.getFirst();
    }
    String head = String.join(", ", items.subList(0, items.size() - 1));
    return message("record.list.and", language, head, items.getLast());
  }

  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, Languages.of(locale));
  }

  /** A date with the month in words: "1 December 2025", "1 Rhagfyr 2025". */
  public String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy", Languages.of(locale)).format(date);
  }

  /** An instant as the date and time in the UK: "1 Rhagfyr 2025, 10:15". */
  public String instant(Instant instant, Locale locale) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Languages.of(locale))
        .format(instant.atZone(FigureWindow.LONDON));
  }

  /** The local (UK) date of an instant, in words. */
  public String day(Instant instant, Locale locale) {
    return date(instant.atZone(FigureWindow.LONDON).toLocalDate(), locale);
  }
}
