package cymru.calon.query.people;

import cymru.calon.commands.api.ids.Identifier;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.query.pages.Languages;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The body of a person's subject-access export as JSON: every event about them with its own fields
 * and a plain-language description in the requested language, and everyone who looked at their
 * record. A tree of plain records, maps, strings, numbers and booleans, so that any JSON mapper
 * writes the same document; the event fields take their stored JSON form (identifiers as UUID
 * strings, age bands as labels, instants and dates in ISO 8601).
 *
 * <p>Sealed fields (the ciphertext of a registration's details, of a story's words) are never
 * written: what could be opened appears only under {@code details} and in the story's description.
 */
@Component
public class SubjectAccessJson {
  private final RecordText text;

  public SubjectAccessJson(RecordText text) {
    this.text = text;
  }

  /** The export document; {@code details} is null once the person's details can't be opened. */
  public record Export(
      String personId,
      String organisationId,
      String language,
      String generatedAt,
      boolean forgotten,
      Details details,
      List<Event> events,
      List<View> views) {}

  public record Details(
      String name, String dateOfBirth, String contactDetails, List<Reference> externalReferences) {}

  public record Reference(String system, String value) {}

  /**
   * @param type the event's name, e.g. {@code ContactRecorded}
   * @param fields the event's own fields as in its stored JSON, without its sealed ones
   */
  public record Event(
      String eventId,
      String type,
      String occurredAt,
      String recordedAt,
      String description,
      Map<String, Object> fields) {}

  public record View(
      String at, String viewer, String role, String what, String why, String description) {}

  public Export build(PersonRecord record, Locale locale) {
    Locale language = Languages.of(locale);
    List<Event> events = new ArrayList<>();
    for (PersonRecord.Entry entry : record.entries()) {
      events.add(
          new Event(
              entry.eventId(),
              entry.event().getClass().getSimpleName(),
              iso(entry.occurredAt()),
              iso(entry.recordedAt()),
              text.describe(record, entry, language),
              fields(entry.event())));
    }
    List<View> views = new ArrayList<>();
    for (PersonRecord.View view : record.views()) {
      views.add(
          new View(
              iso(view.at()),
              view.viewer(),
              view.role(),
              view.what(),
              view.why(),
              text.describe(view, language)));
    }
    return new Export(
        record.personId().value().toString(),
        record.organisationId() == null ? null : record.organisationId().value().toString(),
        language.getLanguage(),
        iso(record.generatedAt()),
        record.forgotten(),
        record.details().map(SubjectAccessJson::details).orElse(null),
        List.copyOf(events),
        List.copyOf(views));
  }

  private static Details details(ProtectedDetails details) {
    return new Details(
        details.name(),
        details.dateOfBirth() == null ? null : details.dateOfBirth().toString(),
        details.contactDetails(),
        details.externalReferences().stream()
            .map(reference -> new Reference(reference.system(), reference.value()))
            .toList());
  }

  /**
   * An event's fields by their record component names, in declaration order. A sealed field is left
   * out whole: even its length says something about the person.
   */
  static Map<String, Object> fields(Object event) {
    if (!event.getClass().isRecord()) {
      throw new IllegalArgumentException("events are records: " + event.getClass().getName());
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      if (component.getType() == Sealed.class) {
        continue;
      }
      Object value;
      try {
        value = component.getAccessor().invoke(event);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      fields.put(component.getName(), plain(value));
    }
    return Collections.unmodifiableMap(fields);
  }

  private static Object plain(Object value) {
    return switch (value) {
      case null -> null;
      case Sealed sealed -> throw new IllegalStateException("sealed data is never exported");
      case Identifier id -> id.value().toString();
      case AgeBand band -> band.label();
      case Enum<?> constant -> constant.name();
      case Instant instant -> instant.toString();
      case LocalDate date -> date.toString();
      case Collection<?> values -> values.stream().map(SubjectAccessJson::plain).toList();
      case String s -> s;
      case Number number -> number;
      case Boolean bool -> bool;
      default ->
          throw new IllegalArgumentException(
              "no JSON form for a field of type " + value.getClass().getName());
    };
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
