package cymru.calon.query.people;

import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.query.figures.FigureWindow;
import cymru.calon.query.pages.Languages;
import cymru.calon.query.pages.TaggedPdf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A person's record as a tagged PDF/UA document in their language, for them to keep: who it is
 * about, everything that happened in the order it happened, and who has looked at it. Made the way
 * the evidence packs are: language and title set, DejaVu embedded, so a screen reader reads the
 * Welsh letters and the structure aloud.
 */
@Component
public class SubjectAccessPdf {

  private final RecordText text;
  private final ITemplateEngine templates;

  public SubjectAccessPdf(RecordText text, ITemplateEngine templates) {
    this.text = text;
    this.templates = templates;
  }

  /** One line of "what happened": when, and when it was written down if that was another day. */
  public record EventRow(String when, String recorded, String what) {}

  public record ViewRow(String when, String what) {}

  /** A label and a value of the person's details. */
  public record DetailRow(String label, String value) {}

  public byte[] render(PersonRecord record, Locale locale) {
    Locale language = Languages.of(locale);
    List<EventRow> events = new ArrayList<>();
    List<PersonRecord.Entry> inTimeOrder =
        record.entries().stream()
            .sorted(Comparator.comparing(PersonRecord.Entry::occurredAt))
            .toList();
    for (PersonRecord.Entry entry : inTimeOrder) {
      boolean lateRecorded =
          entry.recordedAt() != null
              && !entry
                  .recordedAt()
                  .atZone(FigureWindow.LONDON)
                  .toLocalDate()
                  .equals(entry.occurredAt().atZone(FigureWindow.LONDON).toLocalDate());
      events.add(
          new EventRow(
              text.instant(entry.occurredAt(), language),
              lateRecorded
                  ? text.message(
                      "record.pdf.recorded", language, text.day(entry.recordedAt(), language))
                  : null,
              text.describe(record, entry, language)));
    }
    List<ViewRow> views = new ArrayList<>();
    for (PersonRecord.View view : record.views()) {
      views.add(new ViewRow(text.instant(view.at(), language), text.whoAndWhy(view, language)));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("lang", language.getLanguage());
    variables.put("title", text.message("record.pdf.title", language));
    variables.put("generated", text.instant(record.generatedAt(), language));
    variables.put("reference", record.personId().value().toString());
    variables.put("details", record.details().map(d -> details(d, language)).orElse(null));
    variables.put("events", events);
    variables.put("views", views);
    String html = templates.process("record", new Context(language, variables));
    return TaggedPdf.render(html);
  }

  private List<DetailRow> details(ProtectedDetails details, Locale language) {
    List<DetailRow> rows = new ArrayList<>();
    rows.add(new DetailRow(text.message("record.pdf.name", language), details.name()));
    if (details.dateOfBirth() != null) {
      rows.add(
          new DetailRow(
              text.message("record.pdf.date-of-birth", language),
              text.date(details.dateOfBirth(), language)));
    }
    if (details.contactDetails() != null && !details.contactDetails().isBlank()) {
      rows.add(
          new DetailRow(
              text.message("record.pdf.contact", language), details.contactDetails().strip()));
    }
    for (ProtectedDetails.ExternalReference reference : details.externalReferences()) {
      rows.add(
          new DetailRow(
              label(text.referenceSystem(reference.system(), language), language),
              reference.value()));
    }
    return rows;
  }

  /** A label starts with a capital, as the table's other labels do: "Rhif GIG". */
  private static String label(String words, Locale language) {
    return words.isEmpty()
        ? words
        : words.substring(0, 1).toUpperCase(language) + words.substring(1);
  }
}
