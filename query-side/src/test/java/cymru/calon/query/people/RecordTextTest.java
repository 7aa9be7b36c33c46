package cymru.calon.query.people;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.query.access.Role;
import cymru.calon.query.pages.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordTextTest {
  private static final Locale EN = Languages.ENGLISH;
  private static final Locale CY = Languages.WELSH;

  /** The enums DOMAIN.md gives the events' fields. */
  private static final List<Class<? extends Enum<?>>> ENUMS =
      List.of(
          ReferralSource.class,
          ContactMode.class,
          ContactSetting.class,
          InitiatedBy.class,
          InterpreterUse.class,
          Choice.class,
          ContactPurpose.class,
          MissedBy.class,
          FollowUp.class,
          TrustMarker.class,
          ObservedBy.class,
          OutcomeType.class,
          AftercareEndReason.class,
          HandoverReason.class,
          ClosureReason.class,
          ConsentScope.class,
          AgeBand.class);

  private final RecordText text = RecordSamples.text();

  @Test
  void everyEventAboutAPerson_isToldInEnglishAndInWelsh() {
    PersonRecord record = RecordSamples.record(true);
    assertThat(RecordSamples.eventTypes()).hasSizeGreaterThanOrEqualTo(16);
    for (Class<?> type : RecordSamples.eventTypes()) {
      PersonRecord.Entry entry = RecordSamples.entry(RecordSamples.sample(type));
      List<String[]> told =
          List.of(
              new String[] {text.describe(record, entry, EN), text.describe(record, entry, CY)},
              new String[] {text.describe(entry, EN), text.describe(entry, CY)});
      for (String[] both : told) {
        for (String words : both) {
          assertThat(words)
              .as(type.getSimpleName())
              .isNotBlank()
              .doesNotContain("{", "}", RecordSamples.CIPHERTEXT)
              .doesNotContainPattern("record\\.[a-z]");
        }
        assertThat(both[1]).as(type.getSimpleName()).isNotEqualTo(both[0]);
      }
    }
  }

  @Test
  void aContact_namesEverythingAboutIt_inOneSentence() {
    PersonRecord.Entry contact = RecordSamples.entry(RecordSamples.sample(ContactRecorded.class));
    assertThat(text.describe(contact, EN))
        .isEqualTo(
            "A meeting in person lasting 45 minutes, in a private room, with worker 3f2a1b2c;"
                + " you started it; an interpreter was there in person; you were offered a choice"
                + " of time and place; you did not have to tell your story again; purpose:"
                + " support.");
    assertThat(text.describe(contact, CY))
        .isEqualTo(
            "Cyfarfod wyneb yn wyneb am 45 munud, mewn ystafell breifat, gyda gweithiwr 3f2a1b2c;"
                + " chi gysylltodd gyntaf; roedd cyfieithydd yno wyneb yn wyneb; cawsoch gynnig"
                + " dewis o ran amser a lle; nid oedd rhaid i chi adrodd eich stori eto; diben:"
                + " cymorth.");
  }

  @Test
  void counts_takeEachLanguagesPluralForms() {
    Instant at = Instant.parse("2025-12-01T10:15:00Z");
    assertThat(text.describe(RecordSamples.entry(RecordSamples.contact(1, Set.of(), at)), EN))
        .startsWith("A meeting in person lasting 1 minute,")
        .contains("you were not offered a choice;");
    assertThat(text.describe(RecordSamples.entry(RecordSamples.contact(2, Set.of(), at)), CY))
        .startsWith("Cyfarfod wyneb yn wyneb am 2 funud,")
        .contains("ni chawsoch gynnig dewis;");
    assertThat(text.describe(RecordSamples.entry(RecordSamples.contact(3, Set.of(), at)), CY))
        .startsWith("Cyfarfod wyneb yn wyneb am 3 munud,");
    assertThat(
            text.describe(
                RecordSamples.entry(
                    RecordSamples.contact(
                        20, Set.of(Choice.TIME, Choice.PLACE, Choice.INTERPRETER), at)),
                EN))
        .contains("a choice of time, place and interpreter;");

    // Planned late on 1 December in London, which is still 1 December.
    AftercarePlanned aftercare =
        new AftercarePlanned(
            RecordSamples.EPISODE,
            null,
            LocalDate.of(2025, 12, 3),
            Instant.parse("2025-12-01T23:30:00Z"));
    assertThat(text.describe(RecordSamples.entry(aftercare), CY))
        .contains("am 2 ddiwrnod tan 3 Rhagfyr 2025");
    assertThat(text.describe(RecordSamples.entry(aftercare), EN))
        .contains("for 2 days until 3 December 2025");
  }

  @Test
  void aReferral_saysWhoReferredThePerson() {
    PersonRecord.Entry referral = RecordSamples.entry(RecordSamples.sample(ReferralReceived.class));
    assertThat(text.describe(referral, EN))
        .isEqualTo("You were referred to the service by your GP.");
    assertThat(text.describe(referral, CY))
        .isEqualTo("Cawsoch eich atgyfeirio at y gwasanaeth gan eich meddyg teulu.");
  }

  @Test
  void aRegistration_givesTheDetailsWhileTheyCanBeOpened_elseSaysTheyWereErased() {
    PersonRecord.Entry registered =
        RecordSamples.entry(RecordSamples.sample(PersonRegistered.class));

    String opened = text.describe(RecordSamples.record(true), registered, CY);
    assertThat(opened)
        .startsWith("Cawsoch eich cofrestru gyda'r gwasanaeth. Eich dewis iaith yw Arabeg;")
        .contains("mae angen cyfieithydd arnoch", "eich grŵp oedran yw 25 i 34")
        .contains("enw: Siân Ffion Jones", "dyddiad geni: 1 Rhagfyr 1990")
        .contains("manylion cyswllt: 07700 900123", "rhif GIG: 943 476 5919");
    assertThat(text.describe(RecordSamples.record(true), registered, EN))
        .contains("Your preferred language is Arabic;", "your age group is 25 to 34")
        .contains("name: Siân Ffion Jones", "date of birth: 1 December 1990")
        .contains("NHS number: 943 476 5919");

    String erased = text.describe(RecordSamples.record(false), registered, EN);
    assertThat(erased)
        .doesNotContain(RecordSamples.NAME)
        .endsWith("were erased and can no longer be shown.");
    assertThat(text.describe(registered, EN))
        .doesNotContain(RecordSamples.NAME)
        .endsWith("Your name and other details are shown at the start of your record.");
  }

  @Test
  void aStory_showsItsWords_orSaysTheyCanNoLongerBeShown() {
    Object story = RecordSamples.sample(StoryShared.class);
    assertThat(text.describe(RecordSamples.entry(story), EN))
        .contains("You shared your story (language: Welsh)")
        .contains("\u201c" + RecordSamples.STORY + "\u201d")
        .endsWith("The values it speaks to: connection, love and care; peer support.");
    assertThat(text.describe(RecordSamples.entry(story, Optional.empty()), CY))
        .isEqualTo(
            "Rhannoch eich stori (iaith: Cymraeg). Cafodd ei geiriau eu dileu, ac ni ellir eu"
                + " dangos mwyach. Y gwerthoedd y mae'n sôn amdanynt: cysylltiad, cariad a gofal;"
                + " cymorth gan gymheiriaid.")
        .doesNotContain(RecordSamples.STORY_CIPHERTEXT);
  }

  @Test
  void consent_givenAndWithdrawn() {
    ConsentRecorded withdrawn =
        new ConsentRecorded(
            RecordSamples.PERSON,
            ConsentScope.RESEARCH,
            false,
            Instant.parse("2026-01-05T09:00:00Z"));
    assertThat(text.describe(RecordSamples.entry(withdrawn), EN))
        .isEqualTo("You withdrew your consent for information about you to be used in research.");
    assertThat(text.describe(RecordSamples.entry(withdrawn), CY))
        .isEqualTo(
            "Tynnoch eich caniatâd yn ôl i wybodaeth amdanoch gael ei defnyddio mewn ymchwil.");
  }

  @Test
  void aView_saysWhenWhoWhatAndWhy_inUkTime() {
    PersonRecord.View view = RecordSamples.record(true).views().getFirst();
    assertThat(text.describe(view, EN))
        .isEqualTo(
            "On 1 June 2026, 14:30, Rhys Evans (a commissioner of the service) read your story."
                + " The reason given: Quarterly contract review.");
    assertThat(text.describe(view, CY))
        .isEqualTo(
            "Ar 1 Mehefin 2026, 14:30, darllenodd Rhys Evans (un o gomisiynwyr y gwasanaeth) eich"
                + " stori. Y rheswm a roddwyd: Quarterly contract review.");
    assertThat(text.whoAndWhy(view, CY))
        .isEqualTo(
            "Darllenodd Rhys Evans (un o gomisiynwyr y gwasanaeth) eich stori. Y rheswm a"
                + " roddwyd: Quarterly contract review.");
    PersonRecord.View unknown =
        new PersonRecord.View(
            Instant.parse("2025-12-01T09:00:00Z"), "Sam", "AUDITOR", "EPISODE", " ");
    assertThat(text.describe(unknown, CY))
        .isEqualTo(
            "Ar 1 Rhagfyr 2025, 09:00, edrychodd Sam (AUDITOR) ar eich cofnod (EPISODE). Ni"
                + " roddwyd rheswm.");
  }

  @Test
  void everyValueOfEveryEnumOfTheEvents_hasItsOwnWordsInBothLanguages() throws IOException {
    Properties english = bundle("record.properties");
    Properties welsh = bundle("record_cy.properties");
    Set<Class<?>> enums = new LinkedHashSet<>(ENUMS);
    // Any enum a person or episode event carries, now or later, is checked too.
    for (Class<?> type : RecordSamples.eventTypes()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getType().isEnum()) {
          enums.add(component.getType());
        }
        if (component.getGenericType() instanceof ParameterizedType parameterized) {
          for (Type argument : parameterized.getActualTypeArguments()) {
            if (argument instanceof Class<?> c && c.isEnum()) {
              enums.add(c);
            }
          }
        }
      }
    }
    assertThat(enums).hasSizeGreaterThanOrEqualTo(ENUMS.size());
    List<String> missing = new ArrayList<>();
    for (Class<?> type : enums) {
      for (Object constant : type.getEnumConstants()) {
        String key = RecordText.key((Enum<?>) constant);
        if (!english.containsKey(key) || !welsh.containsKey(key)) {
          missing.add(key);
        } else {
          assertThat(welsh.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key));
          assertThat(text.word((Enum<?>) constant, CY)).isEqualTo(welsh.getProperty(key));
        }
      }
    }
    for (int value = 1; value <= 12; value++) {
      if (!english.containsKey("record.value." + value)
          || !welsh.containsKey("record.value." + value)) {
        missing.add("record.value." + value);
      }
    }
    for (Role role : Role.values()) {
      if (!english.containsKey("record.role." + role)
          || !welsh.containsKey("record.role." + role)) {
        missing.add("record.role." + role);
      }
    }
    assertThat(missing).isEmpty();
  }

  static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = RecordTextTest.class.getResourceAsStream("/calon/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
