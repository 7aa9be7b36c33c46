package cymru.calon.infra.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.PersonEvent;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.service.ServiceEvent;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerEvent;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.commands.api.worker.WorkerRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The integration events' contract: each event's published JSON is pinned by a fixture, every
 * fixture is valid against its published JSON Schema (draft 2020-12), the schemas refuse anything
 * else, and every domain event is either mapped or deliberately not published. A change here is a
 * change for every consumer: a new schema version and topic, not an edited fixture.
 */
public class IntegrationEventContractTest {
  private static final UUID EVENT_ID = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");
  private static final Instant RECORDED_AT = Instant.parse("2025-06-11T08:00:00Z");
  private static final long SEQUENCE = 3;
  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Names a published field may have: ids, codes, dates, durations, counts and flags. */
  private static final Set<String> ALLOWED_FIELDS =
      Set.of(
          "schemaVersion",
          "eventId",
          "occurredAt",
          "recordedAt",
          "episodeId",
          "personId",
          "serviceId",
          "organisationId",
          "commissionerId",
          "workerId",
          "fromWorkerId",
          "toWorkerId",
          "contactId",
          "outcomeId",
          "source",
          "reason",
          "warmIntroduction",
          "minutes",
          "mode",
          "setting",
          "initiatedBy",
          "interpreter",
          "choicesOffered",
          "storyRetold",
          "purpose",
          "missedBy",
          "followUp",
          "marker",
          "observedBy",
          "listenedTo",
          "hadASay",
          "trustWorker",
          "feltSafe",
          "language",
          "outcomeType",
          "personDefined",
          "until",
          "translated",
          "storyId",
          "relationalValues",
          "complaint",
          "cohort",
          "areaCode",
          "contractStart",
          "contractEnd",
          "kpiTargets",
          "relationalCommitments",
          "role",
          "livedExperience",
          "kind",
          "sequence");

  private final JsonMapper json = IntegrationPublishingConfiguration.integrationJson();

  private static final ServiceId SERVICE = ServiceId.of("11111111-1111-4111-8111-111111111111");
  private static final EpisodeId EPISODE = EpisodeId.of("44444444-4444-4444-8444-444444444444");
  private static final WorkerId WORKER = WorkerId.of("77777777-7777-4777-8777-777777777777");
  private static final WorkerId OTHER_WORKER = WorkerId.of("88888888-8888-4888-8888-888888888888");
  private static final OutcomeId OUTCOME = OutcomeId.of("99999999-9999-4999-8999-999999999999");
  private static final Instant AT = Instant.parse("2025-06-10T14:30:00Z");

  /** One of every domain event, each named by the integration event it is published as. */
  public static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of(
            "ServiceCommissioned",
            new ServiceCommissioned(
                SERVICE,
                OrganisationId.of("22222222-2222-4222-8222-222222222222"),
                CommissionerId.of("33333333-3333-4333-8333-333333333333"),
                "Cardiff Housing Support",
                Cohort.HOUSING_SUPPORT,
                "W06000015",
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2028, 3, 31),
                new KpiTargets(15, 180),
                new RelationalCommitments(12, null),
                Instant.parse("2025-03-01T09:00:00Z"))),
        Arguments.of(
            "ReferralReceived",
            new ReferralReceived(
                EPISODE,
                PersonId.of("55555555-5555-4555-8555-555555555555"),
                SERVICE,
                ReferralSource.PROBATION,
                Instant.parse("2025-05-01T09:00:00Z"))),
        Arguments.of(
            "ContactRecorded",
            new ContactRecorded(
                EPISODE,
                ContactId.of("66666666-6666-4666-8666-666666666666"),
                WorkerId.of("77777777-7777-4777-8777-777777777777"),
                Instant.parse("2025-05-04T10:15:00Z"),
                45,
                ContactMode.IN_PERSON,
                ContactSetting.PRIVATE_ROOM,
                InitiatedBy.WORKER,
                InterpreterUse.IN_PERSON,
                Set.of(Choice.INTERPRETER, Choice.TIME),
                false,
                ContactPurpose.SUPPORT)),
        Arguments.of(
            "ServiceContractVaried",
            new ServiceContractVaried(
                SERVICE,
                null,
                LocalDate.of(2029, 3, 31),
                new KpiTargets(20, null),
                new RelationalCommitments(26, 18),
                AT)),
        Arguments.of(
            "WorkerJoined",
            new WorkerJoined(
                WORKER,
                OrganisationId.of("22222222-2222-4222-8222-222222222222"),
                WorkerRole.PEER_MENTOR,
                true,
                Instant.parse("2025-01-06T09:00:00Z"))),
        Arguments.of("WorkerLeft", new WorkerLeft(WORKER, AT)),
        Arguments.of(
            "ReflectivePracticeRecorded",
            new ReflectivePracticeRecorded(
                WORKER, AT, 90, ReflectivePracticeKind.CLINICAL_SUPERVISION)),
        Arguments.of("WorkerAssigned", new WorkerAssigned(EPISODE, WORKER, AT)),
        Arguments.of(
            "WorkerHandedOver",
            new WorkerHandedOver(
                EPISODE, WORKER, OTHER_WORKER, HandoverReason.WORKER_LEFT, true, AT)),
        Arguments.of(
            "AppointmentMissed",
            new AppointmentMissed(EPISODE, AT, MissedBy.SERVICE, FollowUp.CALL)),
        Arguments.of(
            "TrustMilestoneReached",
            new TrustMilestoneReached(
                EPISODE, TrustMarker.CHOSE_TO_SHARE_STORY, ObservedBy.PERSON, AT)),
        Arguments.of(
            "RelationalCheckInRecorded",
            new RelationalCheckInRecorded(EPISODE, AT, 4, 5, 3, 4, "cy")),
        Arguments.of(
            "OutcomeAchieved",
            new OutcomeAchieved(EPISODE, OUTCOME, OutcomeType.TENANCY_SUSTAINED, true, AT)),
        Arguments.of(
            "AftercarePlanned",
            new AftercarePlanned(EPISODE, OUTCOME, LocalDate.of(2025, 9, 30), AT)),
        Arguments.of(
            "AftercareEnded", new AftercareEnded(EPISODE, AftercareEndReason.PERSON_CHOSE, AT)),
        Arguments.of("FeedbackGiven", new FeedbackGiven(EPISODE, AT, "ti", true, false)),
        Arguments.of(
            "StoryShared",
            new StoryShared(
                EPISODE,
                StoryId.of("66666666-6666-4666-8666-666666666666"),
                new Sealed("c2VhbGVk"),
                "cy",
                Set.of(8, 1),
                AT)),
        Arguments.of(
            "EpisodeClosed", new EpisodeClosed(EPISODE, ClosureReason.NON_ENGAGEMENT, AT)));
  }

  @Test
  void everyDomainEvent_isMapped_orListedAsNotPublished() {
    Set<Class<?>> pinned =
        events().map(arguments -> arguments.get()[1].getClass()).collect(Collectors.toSet());
    Set<Class<?>> all =
        Stream.of(ServiceEvent.class, WorkerEvent.class, PersonEvent.class, EpisodeEvent.class)
            .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
            .collect(Collectors.toSet());
    assertThat(pinned).filteredOn(IntegrationEvents.NOT_PUBLISHED::contains).isEmpty();
    assertThat(
            Stream.concat(pinned.stream(), IntegrationEvents.NOT_PUBLISHED.stream())
                .collect(Collectors.toSet()))
        .isEqualTo(all);
    events()
        .forEach(
            arguments ->
                assertThat(
                        IntegrationEvents.of(arguments.get()[1], EVENT_ID, RECORDED_AT, SEQUENCE))
                    .as("%s is published", arguments.get()[0])
                    .isPresent());
    assertThat(IntegrationEvents.of("not an event", EVENT_ID, RECORDED_AT, SEQUENCE)).isEmpty();
  }

  @Test
  void everyIntegrationEvent_hasASchema_andOnlyAllowedFields() {
    Set<Class<?>> types =
        Stream.of(IntegrationEvent.class.getPermittedSubclasses())
            .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
            .collect(Collectors.toSet());
    assertThat(types).hasSize(18);
    for (Class<?> type : types) {
      assertThat(schemaResource(type.getSimpleName())).as("schema of %s", type).isNotNull();
      Set<String> fields =
          Arrays.stream(type.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.toSet());
      assertThat(ALLOWED_FIELDS).as("fields of %s", type.getSimpleName()).containsAll(fields);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void publishedJson_isPinned_andValidAgainstItsSchema(String name, Object domainEvent)
      throws IOException {
    IntegrationEvent event =
        IntegrationEvents.of(domainEvent, EVENT_ID, RECORDED_AT, SEQUENCE).orElseThrow();
    assertThat(IntegrationEventPublisher.typeOf(event)).isEqualTo(name);
    byte[] published = json.writeValueAsBytes(event);
    byte[] approved = fixture(name, published);

    assertThat(json.readTree(published)).isEqualTo(json.readTree(approved));
    assertThat(json.readTree(approved).get("type").asString()).isEqualTo(name);
    assertThat(json.readTree(approved).get("eventId").asString()).isEqualTo(EVENT_ID.toString());

    JsonSchema schema = schema(name);
    assertThat(schema.validate(JACKSON2.readTree(approved))).as("fixture against schema").isEmpty();

    // The schemas are closed: an extra field (here a name) or a missing one is refused.
    var withName = (com.fasterxml.jackson.databind.node.ObjectNode) JACKSON2.readTree(approved);
    withName.put("name", "Someone");
    assertThat(schema.validate(withName)).isNotEmpty();
    var withoutId = (com.fasterxml.jackson.databind.node.ObjectNode) JACKSON2.readTree(approved);
    withoutId.remove("eventId");
    Set<ValidationMessage> missing = schema.validate(withoutId);
    assertThat(missing).isNotEmpty();
  }

  /**
   * Each schema names exactly the fields of its Java record (besides {@code type}), and each code's
   * schema enum is the Java enum's constants, in order: a constant added to a Java enum is a
   * constant consumers must be told of.
   */
  @Test
  void schemaEnums_matchTheJavaEnums_andSchemaFieldsTheRecords() throws IOException {
    Set<Class<?>> types =
        Stream.of(IntegrationEvent.class.getPermittedSubclasses())
            .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
            .collect(Collectors.toSet());
    int enums = 0;
    for (Class<?> type : types) {
      com.fasterxml.jackson.databind.JsonNode properties;
      try (InputStream in = schemaResource(type.getSimpleName())) {
        properties = JACKSON2.readTree(in).get("properties");
      }
      Set<String> inSchema = new java.util.TreeSet<>();
      properties.fieldNames().forEachRemaining(inSchema::add);
      Set<String> inRecord =
          Stream.concat(
                  Stream.of("type"),
                  Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
              .collect(Collectors.toCollection(java.util.TreeSet::new));
      assertThat(inSchema).as("fields of %s", type.getSimpleName()).isEqualTo(inRecord);
      for (RecordComponent component : type.getRecordComponents()) {
        var property = properties.get(component.getName());
        var values =
            property.has("items") ? property.get("items").get("enum") : property.get("enum");
        Class<?> javaEnum = enumOf(component);
        String field = type.getSimpleName() + "." + component.getName();
        if (javaEnum == null) {
          assertThat(values).as("%s is not a code", field).isNull();
          continue;
        }
        assertThat(values).as("%s lists its codes", field).isNotNull();
        List<String> schemaValues = new java.util.ArrayList<>();
        values.forEach(value -> schemaValues.add(value.asText()));
        List<String> javaValues =
            Arrays.stream(javaEnum.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        assertThat(schemaValues).as("the codes of %s", field).isEqualTo(javaValues);
        enums++;
      }
    }
    assertThat(enums).as("codes checked").isEqualTo(18);
  }

  private static Class<?> enumOf(RecordComponent component) {
    if (component.getType().isEnum()) {
      return component.getType();
    }
    if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isEnum()) {
      return element;
    }
    return null;
  }

  @Test
  void schemas_refuseFreeTextInCodes() throws IOException {
    var event =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            JACKSON2.readTree(fixture("FeedbackGiven", null));
    event.put("language", "The person said the service was awful");
    assertThat(schema("FeedbackGiven").validate(event)).isNotEmpty();
  }

  private static JsonSchema schema(String name) throws IOException {
    try (InputStream in = schemaResource(name)) {
      return SCHEMAS.getSchema(in);
    }
  }

  private static InputStream schemaResource(String name) {
    return IntegrationEventContractTest.class.getResourceAsStream(
        "/integration/schemas/" + name + ".v1.schema.json");
  }

  /** The approved JSON; when missing, the actual JSON is written under target/ for review. */
  private static byte[] fixture(String name, byte[] actual) throws IOException {
    try (InputStream in =
        IntegrationEventContractTest.class.getResourceAsStream(
            "/integration/fixtures/" + name + ".v1.json")) {
      if (in == null) {
        if (actual != null) {
          Path proposed = Path.of("target/integration-fixtures/" + name + ".v1.json");
          Files.createDirectories(proposed.getParent());
          Files.write(proposed, actual);
        }
        throw new UncheckedIOException(new IOException("no fixture for " + name));
      }
      return in.readAllBytes();
    }
  }
}
