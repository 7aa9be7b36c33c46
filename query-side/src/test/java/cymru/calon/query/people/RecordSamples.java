package cymru.calon.query.people;

import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.EpisodeEvent;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.PersonEvent;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.query.pages.PagesConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;

/** One sample of every event about a person, and a record of them all, for the record's tests. */
final class RecordSamples {
  /** Stands for the ciphertext of sealed personal data: it must never appear in an export. */
  static final String CIPHERTEXT = "U0VBTEVELU1BUktFUi1kby1ub3QtbGVhaw";

  static final String STORY_CIPHERTEXT = "U1RPUlktQ0lQSEVSVEVYVC1NQVJLRVI";

  static final PersonId PERSON = PersonId.of("0e8f4a55-6d1c-4c59-9a67-2b1f3c0d9e11");
  static final OrganisationId ORGANISATION =
      new OrganisationId(UUID.fromString("7b3c2a10-1f2e-4d3c-8b4a-5c6d7e8f9a0b"));
  static final EpisodeId EPISODE = EpisodeId.of("a1b2c3d4-0000-4000-8000-000000000001");
  static final WorkerId WORKER =
      new WorkerId(UUID.fromString("3f2a1b2c-9d8e-4f70-a1b2-c3d4e5f60718"));
  static final WorkerId NEXT_WORKER =
      new WorkerId(UUID.fromString("5e6f7a8b-1c2d-4e3f-9a0b-1c2d3e4f5a6b"));

  static final String NAME = "Siân Ffion Jones";
  static final String STORY = "Roedd cael yr un gweithiwr bob wythnos yn golygu popeth i mi.";
  static final ProtectedDetails DETAILS =
      new ProtectedDetails(
          NAME,
          LocalDate.of(1990, 12, 1),
          "07700 900123",
          List.of(new ProtectedDetails.ExternalReference("NHS_NUMBER", "943 476 5919")));

  private static final Instant REFERRED = Instant.parse("2025-12-01T10:15:00Z");

  private RecordSamples() {}

  static MessageSource messages() {
    return new PagesConfiguration().messageSource();
  }

  static RecordText text() {
    return new RecordText(messages());
  }

  /** Every event type about a person, as the sealed interfaces of commands/api list them. */
  static List<Class<?>> eventTypes() {
    return Stream.concat(
            Stream.of(PersonEvent.class.getPermittedSubclasses()),
            Stream.of(EpisodeEvent.class.getPermittedSubclasses()))
        .toList();
  }

  /** One sample of an event type, with every field set. */
  static Object sample(Class<?> type) {
    Instant at = REFERRED.plusSeconds(3600L * 24 * (eventTypes().indexOf(type) + 1));
    if (type == PersonRegistered.class) {
      return new PersonRegistered(
          PERSON, ORGANISATION, new Sealed(CIPHERTEXT), "ar", true, AgeBand.AGE_25_34, REFERRED);
    } else if (type == ConsentRecorded.class) {
      return new ConsentRecorded(PERSON, ConsentScope.SHARE_STORY_WITH_COMMISSIONERS, true, at);
    } else if (type == PersonForgotten.class) {
      return new PersonForgotten(PERSON, at);
    } else if (type == ReferralReceived.class) {
      return new ReferralReceived(
          EPISODE,
          PERSON,
          ServiceId.of("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
          ReferralSource.GP,
          REFERRED);
    } else if (type == WorkerAssigned.class) {
      return new WorkerAssigned(EPISODE, WORKER, at);
    } else if (type == WorkerHandedOver.class) {
      return new WorkerHandedOver(
          EPISODE, WORKER, NEXT_WORKER, HandoverReason.WORKER_LEFT, true, at);
    } else if (type == ContactRecorded.class) {
      return contact(45, Set.of(Choice.TIME, Choice.PLACE), at);
    } else if (type == AppointmentMissed.class) {
      return new AppointmentMissed(EPISODE, at, MissedBy.SERVICE, FollowUp.CALL);
    } else if (type == TrustMilestoneReached.class) {
      return new TrustMilestoneReached(
          EPISODE, TrustMarker.CHOSE_TO_SHARE_STORY, ObservedBy.WORKER, at);
    } else if (type == RelationalCheckInRecorded.class) {
      return new RelationalCheckInRecorded(EPISODE, at, 5, 4, 3, 5, "cy");
    } else if (type == OutcomeAchieved.class) {
      return new OutcomeAchieved(EPISODE, outcome(), OutcomeType.HOUSING_SECURED, true, at);
    } else if (type == AftercarePlanned.class) {
      return new AftercarePlanned(EPISODE, outcome(), LocalDate.of(2026, 3, 1), at);
    } else if (type == AftercareEnded.class) {
      return new AftercareEnded(EPISODE, AftercareEndReason.PLANNED, at);
    } else if (type == StoryShared.class) {
      return new StoryShared(
          EPISODE,
          StoryId.of("c0ffee00-1234-4abc-8def-0123456789ab"),
          new Sealed(STORY_CIPHERTEXT),
          "cy",
          Set.of(1, 4),
          at);
    } else if (type == FeedbackGiven.class) {
      return new FeedbackGiven(EPISODE, at, "en", false, false);
    } else if (type == EpisodeClosed.class) {
      return new EpisodeClosed(EPISODE, ClosureReason.PLANNED_COMPLETION, at);
    }
    throw new AssertionError("no sample of " + type.getSimpleName() + ": add one");
  }

  static ContactRecorded contact(int minutes, Set<Choice> choices, Instant at) {
    return new ContactRecorded(
        EPISODE,
        ContactId.of("d0d0d0d0-1111-4222-8333-444455556666"),
        WORKER,
        at,
        minutes,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.PERSON,
        InterpreterUse.IN_PERSON,
        choices,
        false,
        ContactPurpose.SUPPORT);
  }

  private static OutcomeId outcome() {
    return OutcomeId.of("0a0b0c0d-2222-4333-8444-555566667777");
  }

  static PersonRecord.Entry entry(Object event, Optional<String> storyText) {
    Instant occurred = occurredAt(event);
    // The contact was written down three days late, as workers often do.
    Instant recorded =
        event instanceof ContactRecorded ? occurred.plusSeconds(3 * 24 * 3600L) : occurred;
    return new PersonRecord.Entry(
        UUID.nameUUIDFromBytes(event.getClass().getName().getBytes()).toString(),
        occurred,
        recorded,
        event,
        storyText);
  }

  static PersonRecord.Entry entry(Object event) {
    return entry(event, event instanceof StoryShared ? Optional.of(STORY) : Optional.empty());
  }

  /**
   * A record with one event of every type; {@code opened} while the person's key is there (their
   * details and story can be read), else as it is once they are forgotten.
   */
  static PersonRecord record(boolean opened) {
    List<PersonRecord.Entry> entries = new ArrayList<>();
    for (Class<?> type : eventTypes()) {
      if (type == PersonForgotten.class && opened) {
        continue;
      }
      Object event = sample(type);
      entries.add(
          opened || !(event instanceof StoryShared)
              ? entry(event)
              : entry(event, Optional.empty()));
    }
    entries.sort(Comparator.comparing(PersonRecord.Entry::occurredAt));
    return new PersonRecord(
        PERSON,
        ORGANISATION,
        opened ? Optional.of(DETAILS) : Optional.empty(),
        !opened,
        Instant.parse("2026-12-02T07:00:00Z"),
        entries,
        List.of(
            new PersonRecord.View(
                Instant.parse("2026-06-01T13:30:00Z"),
                "Rhys Evans",
                "COMMISSIONER",
                "STORY",
                "Quarterly contract review"),
            new PersonRecord.View(
                Instant.parse("2026-12-02T06:59:00Z"),
                "Ceri Morgan",
                "PROVIDER",
                "SUBJECT_ACCESS_EXPORT",
                "Subject access request")));
  }

  private static Instant occurredAt(Object event) {
    return switch (event) {
      case PersonEvent person -> person.occurredAt();
      case EpisodeEvent episode -> episode.occurredAt();
      default -> throw new IllegalArgumentException(event.toString());
    };
  }
}
