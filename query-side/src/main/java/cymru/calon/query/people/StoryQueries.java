package cymru.calon.query.people;

import static cymru.calon.projections.schema.Tables.SHARED_STORY;

import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.figures.FigureWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The consented stories of a service's period (R11), in the people's own words, for its
 * commissioner and provider: only stories whose person's consent still holds and who is not
 * forgotten have a row at all, row-level security keeps them to the viewer's services, and every
 * person whose story is shown is recorded in the audit trail. The caller checks that the viewer may
 * see the service ({@code Access.requireService}); provider staff are also held to their own
 * organisation's rows here. Read live, never remembered: a withdrawal takes a story out of the very
 * next view.
 */
@Component
public class StoryQueries {
  private final DSLContext db;
  private final PersonLevelAccess access;
  private final PersonalData personalData;
  private final AuditTrail audit;

  StoryQueries(
      DSLContext db, PersonLevelAccess access, PersonalData personalData, AuditTrail audit) {
    this.db = db;
    this.access = access;
    this.personalData = personalData;
    this.audit = audit;
  }

  /** A story as it is shown: when, in which language, the values it speaks to, its words. */
  public record Story(
      LocalDate occurredOn, String language, List<Integer> relationalValues, String text) {}

  public List<Story> forService(
      Viewer viewer, UUID serviceId, LocalDate from, LocalDate to, Instant asOf) {
    FigureWindow window = FigureWindow.of(from, to, asOf, asOf);
    return access.as(
        viewer,
        () -> {
          List<Story> stories = new ArrayList<>();
          Set<PersonId> people = new LinkedHashSet<>();
          db.selectFrom(SHARED_STORY)
              .where(SHARED_STORY.SERVICE_ID.eq(serviceId))
              .and(
                  viewer
                      .organisation()
                      .map(o -> SHARED_STORY.ORGANISATION_ID.eq(o.value()))
                      .orElse(org.jooq.impl.DSL.noCondition()))
              .and(SHARED_STORY.OCCURRED_AT.ge(window.start().atOffset(java.time.ZoneOffset.UTC)))
              .and(SHARED_STORY.OCCURRED_AT.lt(window.end().atOffset(java.time.ZoneOffset.UTC)))
              .and(SHARED_STORY.RECORDED_AT.le(asOf.atOffset(java.time.ZoneOffset.UTC)))
              .orderBy(SHARED_STORY.OCCURRED_AT, SHARED_STORY.STORY_ID)
              .fetch()
              .forEach(
                  row -> {
                    PersonId person = new PersonId(row.getPersonId());
                    personalData
                        .story(
                            person, new StoryId(row.getStoryId()), new Sealed(row.getSealedText()))
                        .ifPresent(
                            text -> {
                              people.add(person);
                              stories.add(
                                  new Story(
                                      row.getOccurredAt()
                                          .atZoneSameInstant(FigureWindow.LONDON)
                                          .toLocalDate(),
                                      row.getLanguage(),
                                      Arrays.asList(row.getRelationalValues()),
                                      text));
                            });
                  });
          audit.record(
              viewer, people, AuditTrail.What.STORY, "stories of service " + serviceId + " shown");
          return stories;
        });
  }
}
