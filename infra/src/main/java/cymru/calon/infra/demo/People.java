package cymru.calon.infra.demo;

import cymru.calon.commands.api.episode.ShareStory;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.ForgetPerson;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.RecordConsent;
import cymru.calon.commands.api.person.RegisterPerson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people of the demo as the privacy rules see them: registered with the organisation of their
 * first service (with made-up identifying details), their consent to share stories with
 * commissioners, the stories some of them share, and the few who ask to be forgotten.
 *
 * <p>Names are drawn from short lists of common Welsh, English and other first names and surnames;
 * phone numbers come from Ofcom's range reserved for drama (07700 900000–900999) and NHS numbers
 * from the 999 range, which is never issued. No real person is described.
 */
final class People {
  private static final List<String> GIVEN_NAMES =
      List.of(
          "Rhys", "Cerys", "Dylan", "Ffion", "Gareth", "Nia", "Owain", "Seren", "Tomos", "Elin",
          "Jack", "Chloe", "Liam", "Megan", "Amir", "Leila", "Yonas", "Selam", "Oksana", "Dmytro",
          "Hana", "Omid", "Zahra", "Farhan", "Aisha", "Kwame", "Bronwen", "Iwan", "Lowri", "Sian");
  private static final List<String> FAMILY_NAMES =
      List.of(
          "Jones",
          "Williams",
          "Davies",
          "Evans",
          "Thomas",
          "Roberts",
          "Hughes",
          "Lewis",
          "Morgan",
          "Griffiths",
          "Price",
          "Rees",
          "Powell",
          "Smith",
          "Hussain",
          "Ahmadi",
          "Tesfaye",
          "Kovalenko",
          "Abdi",
          "Rahimi",
          "Mensah",
          "Begum",
          "Pritchard",
          "Bevan",
          "Llewellyn");

  /** Short first-person stories; the demo's stand-in for what people chose to say. */
  private static final Map<String, List<String>> STORIES =
      Map.of(
          "en",
          List.of(
              "The same worker stayed with me the whole way. I did not have to tell my story again.",
              "They kept in touch after I got my flat. Knowing someone was there stopped me"
                  + " slipping back.",
              "I was offered a time and a place that worked for me, and a worker I felt safe"
                  + " with.",
              "When I missed appointments they came looking for me instead of closing my case."),
          "cy",
          List.of(
              "Arhosodd yr un gweithiwr gyda fi drwy'r amser. Doedd dim rhaid i fi ailadrodd fy"
                  + " stori.",
              "Cefais siarad yn Gymraeg, ac roedd hynny'n golygu popeth i fi.",
              "Roedden nhw'n dal i gysylltu ar ôl i fi gael tenantiaeth. Roedd hynny'n help"
                  + " mawr."));

  private final Simulation sim;
  private final Map<PersonId, OrganisationId> registered = new HashMap<>();
  private final Set<PersonId> consenting = new HashSet<>();
  private final Set<PersonId> forgotten = new HashSet<>();

  People(Simulation sim) {
    this.sim = sim;
  }

  /** Registers the person with the organisation the first time they are referred to it. */
  void registerIfNew(Person person, OrganisationId organisation, Instant at) {
    if (registered.containsKey(person.personId())) {
      return;
    }
    registered.put(person.personId(), organisation);
    AgeBand band = sim.weighted(List.of(AgeBand.values()), 0.18, 0.28, 0.23, 0.16, 0.1, 0.05);
    int age = ageIn(band);
    LocalDate born = WorkingTime.date(at).minusYears(age).minusDays(sim.between(0, 364));
    String name = sim.pick(GIVEN_NAMES) + " " + sim.pick(FAMILY_NAMES);
    ProtectedDetails details =
        new ProtectedDetails(
            name,
            born,
            "07700 900" + String.format("%03d", sim.between(0, 999)),
            List.of(
                new ProtectedDetails.ExternalReference(
                    "NHS_NUMBER", "999 " + sim.between(100, 999) + " " + sim.between(1000, 9999))));
    sim.record(
        at,
        new RegisterPerson(
            person.personId(),
            organisation,
            details,
            person.language(),
            person.interpreterNeeded(),
            band,
            at));
    if (sim.chance(0.55)) {
      consenting.add(person.personId());
      sim.record(
          at,
          new RecordConsent(
              person.personId(), ConsentScope.SHARE_STORY_WITH_COMMISSIONERS, true, at));
    }
  }

  /** The organisation the person is registered with, if any. */
  OrganisationId organisationOf(PersonId personId) {
    return registered.get(personId);
  }

  boolean forgotten(PersonId personId) {
    return forgotten.contains(personId);
  }

  /**
   * Maybe shares a story at {@code at}, after an episode's end: more often from relational
   * services, and only with consent in force.
   */
  void maybeShareStory(Person person, EpisodeId episodeId, boolean relational, Instant at) {
    PersonId id = person.personId();
    if (!consenting.contains(id)
        || forgotten.contains(id)
        || !sim.chance(relational ? 0.3 : 0.08)) {
      return;
    }
    String language = person.language().equals("cy") ? "cy" : "en";
    Set<Integer> values = new TreeSet<>();
    values.add(relational ? sim.pick(List.of(1, 2, 8)) : sim.pick(List.of(3, 7, 12)));
    values.add(sim.between(1, 12));
    sim.record(
        at.plus(Duration.ofHours(sim.between(1, 72))),
        new ShareStory(
            episodeId,
            new StoryId(sim.id("story")),
            sim.pick(STORIES.get(language)),
            language,
            values,
            at));
    if (sim.chance(0.1)) {
      // Some change their mind: the story then leaves every commissioner's view.
      Instant withdrawnAt = at.plus(Duration.ofDays(sim.between(5, 60)));
      consenting.remove(id);
      sim.at(
          withdrawnAt,
          () ->
              sim.record(
                  withdrawnAt,
                  new RecordConsent(
                      id, ConsentScope.SHARE_STORY_WITH_COMMISSIONERS, false, withdrawnAt)));
    }
  }

  /**
   * A few people ask to be forgotten, long after their last episode closed (past the 365 days in
   * which feedback and stories may still arrive); nothing more is recorded about them.
   */
  void maybeForget(Person person, Instant closedAt) {
    PersonId id = person.personId();
    if (forgotten.contains(id) || !sim.chance(0.02)) {
      return;
    }
    forgotten.add(id);
    consenting.remove(id);
    Instant at = closedAt.plus(Duration.ofDays(370));
    sim.at(at, () -> sim.record(at, new ForgetPerson(id, at)));
  }

  private int ageIn(AgeBand band) {
    return switch (band) {
      case AGE_18_24 -> sim.between(18, 24);
      case AGE_25_34 -> sim.between(25, 34);
      case AGE_35_44 -> sim.between(35, 44);
      case AGE_45_54 -> sim.between(45, 54);
      case AGE_55_64 -> sim.between(55, 64);
      case AGE_65_PLUS -> sim.between(65, 85);
    };
  }
}
