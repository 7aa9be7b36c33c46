package cymru.calon.infra.imports;

import static cymru.calon.infra.WireJson.commissionService;
import static cymru.calon.infra.WireJson.receiveReferral;
import static cymru.calon.infra.WireJson.recordContact;
import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.infra.CalonIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/import} end to end, over HTTP, on a real PostgreSQL. */
class BulkImportIT extends CalonIntegrationTest {
  @org.junit.jupiter.api.BeforeEach
  void workerJoined() {
    assertThat(postCommand(cymru.calon.infra.WireJson.workerJoined()).statusCode()).isIn(200, 202);
    assertThat(postCommand(cymru.calon.infra.WireJson.registerPerson()).statusCode())
        .isIn(200, 202);
  }

  private static final Instant AFTER_REFERRAL = Instant.parse("2025-05-02T10:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired private JsonMapper json;

  /**
   * Valid, invalid, out-of-order and repeated lines in one file, imported three times. Each line's
   * result is what a single command would get in its place; refused lines store nothing, not even
   * their idempotency row; a second import stores only what the first refused for a reason that has
   * gone away, and a third stores nothing.
   */
  @Test
  void mixedFile_eachLineGetsItsOwnResult_andImportingItAgainIsSafe() throws Exception {
    UUID serviceId = UUID.randomUUID();
    UUID episodeId = UUID.randomUUID();
    UUID earlyContact = UUID.randomUUID();
    UUID contact = UUID.randomUUID();
    UUID tooLargeId = UUID.randomUUID();
    UUID badFieldId = UUID.randomUUID();
    UUID unknownTypeId = UUID.randomUUID();
    UUID referralToNoServiceId = UUID.randomUUID();
    UUID secondReferralId = UUID.randomUUID();
    UUID beforeReferralId = UUID.randomUUID();
    String contactLine =
        oneLine(recordContact(contact, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 45));
    UUID foreignId = UUID.randomUUID();
    // The service is the commissioner's to commission; the file is the provider's.
    assertThat(postCommand(commissionService(UUID.randomUUID(), serviceId)).statusCode())
        .isEqualTo(202);
    var file = new Ndjson();
    // 1: a worker of another organisation: not the importing provider's to record
    file.line(
        "{\"type\":\"RecordWorkerJoined\",\"commandId\":\""
            + foreignId
            + "\",\"workerId\":\""
            + UUID.randomUUID()
            + "\",\"organisationId\":\""
            + UUID.randomUUID()
            + "\",\"role\":\"KEY_WORKER\",\"livedExperience\":false,"
            + "\"occurredAt\":\"2024-01-08T09:00:00Z\"}");
    // 2: out of order, its episode is referred on line 3
    file.line(
        oneLine(
            recordContact(
                earlyContact, episodeId, UUID.randomUUID(), AFTER_REFERRAL.plusSeconds(60), 30)));
    file.line(oneLine(receiveReferral(UUID.randomUUID(), episodeId, serviceId))); // 3
    file.line(contactLine); // 4
    file.line("   "); // 5: blank, skipped
    file.line(
        oneLine(recordContact(badFieldId, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 721))); // 6
    file.line("{\"type\":\"Teleport\",\"commandId\":\"" + unknownTypeId + "\"}"); // 7
    file.line("{not json"); // 8
    // 9: over the 64 KiB line limit
    file.line(
        "{\"type\":\"RecordContact\",\"commandId\":\""
            + tooLargeId
            + "\",\"pad\":\""
            + "x".repeat(70_000)
            + "\"}");
    file.line(contactLine); // 10: the same command again
    file.line(
        contactLine.replace("\"minutes\":45", "\"minutes\":50")); // 11: same id, other content
    file.bytes(
        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}); // 12: not UTF-8
    file.line(
        oneLine(
            recordContact(
                UUID.randomUUID(),
                episodeId,
                UUID.randomUUID(),
                AFTER_REFERRAL.plusSeconds(120),
                20))); // 13
    file.line(
        oneLine(
            receiveReferral(referralToNoServiceId, UUID.randomUUID(), UUID.randomUUID()))); // 14
    file.line(oneLine(receiveReferral(secondReferralId, episodeId, serviceId))); // 15
    file.line(
        oneLine(
            recordContact(
                beforeReferralId,
                episodeId,
                UUID.randomUUID(),
                Instant.parse("2025-04-30T09:00:00Z"),
                45))); // 16
    file.last(
        oneLine(
            recordContact(
                UUID.randomUUID(),
                episodeId,
                UUID.randomUUID(),
                AFTER_REFERRAL.plusSeconds(180),
                15))); // 17, with no newline after it
    long events = count("domain_event_entry");
    long logged = count("command_log");

    JsonNode first = importFile(file.bytes());

    assertThat(first.path("lines").asLong()).isEqualTo(16);
    assertThat(first.path("accepted").asLong()).isEqualTo(4);
    assertThat(first.path("duplicates").asLong()).isEqualTo(1);
    assertThat(first.path("rejected").asLong()).isEqualTo(11);
    assertThat(rejections(first))
        .containsExactly(
            "1 " + foreignId + " FORBIDDEN",
            "2 " + earlyContact + " EPISODE_NOT_FOUND",
            "6 " + badFieldId + " INVALID_FIELDS",
            "7 " + unknownTypeId + " UNKNOWN_COMMAND_TYPE",
            "8 null MALFORMED_COMMAND",
            "9 null COMMAND_TOO_LARGE",
            "11 " + contact + " COMMAND_ID_REUSED",
            "12 null MALFORMED_COMMAND",
            "14 " + referralToNoServiceId + " SERVICE_NOT_FOUND",
            "15 " + secondReferralId + " EPISODE_ALREADY_EXISTS",
            "16 " + beforeReferralId + " OCCURRED_BEFORE_REFERRAL");
    assertThat(first.path("rejections").get(0).path("detail").asString())
        .isEqualTo(
            "RecordWorkerJoined is for another organisation's records: only its own staff may"
                + " issue it.");
    JsonNode badField = first.path("rejections").get(2);
    assertThat(badField.path("detail").asString())
        .isEqualTo("The command has invalid or missing fields.");
    assertThat(badField.path("errors").get(0).path("field").asString()).isEqualTo("minutes");
    assertThat(first.path("rejections").get(5).path("detail").asString())
        .isEqualTo("A command may be at most 65536 bytes.");
    assertThat(first.toString()).doesNotContain("xxxx", "Teleport");
    // lines 3, 4, 13, 17: the referral and three contacts
    assertThat(count("domain_event_entry")).isEqualTo(events + 4);
    assertThat(count("command_log")).isEqualTo(logged + 4);
    assertThat(logged(earlyContact, badFieldId, unknownTypeId, tooLargeId, referralToNoServiceId))
        .isZero();
    assertThat(logged(foreignId)).isZero();
    assertThat(logged(secondReferralId, beforeReferralId)).isZero();

    JsonNode second = importFile(file.bytes());

    // Line 2 is accepted now that its episode exists; every other line as before, or a duplicate.
    assertThat(second.path("lines").asLong()).isEqualTo(16);
    assertThat(second.path("accepted").asLong()).isEqualTo(1);
    assertThat(second.path("duplicates").asLong()).isEqualTo(5);
    assertThat(second.path("rejected").asLong()).isEqualTo(10);
    List<String> firstWithoutLine2 = new ArrayList<>(rejections(first));
    firstWithoutLine2.remove(1);
    assertThat(rejections(second)).isEqualTo(firstWithoutLine2);
    assertThat(count("domain_event_entry")).isEqualTo(events + 5);
    assertThat(count("command_log")).isEqualTo(logged + 5);

    JsonNode third = importFile(file.bytes());

    assertThat(third.path("accepted").asLong()).isZero();
    assertThat(third.path("duplicates").asLong()).isEqualTo(6);
    assertThat(rejections(third)).isEqualTo(firstWithoutLine2);
    assertThat(count("domain_event_entry")).isEqualTo(events + 5);
    assertThat(count("command_log")).isEqualTo(logged + 5);
  }

  /**
   * The database refuses a batch's commit (a deferred trigger fails it once), after every command
   * in it had succeeded and the aggregate caches had taken their state. The batch is applied again
   * line by line: nothing is lost, nothing is applied twice, and no line is refused on the strength
   * of cached state that was never stored (the second referral of an episode would be, were the
   * caches kept).
   */
  @Test
  void aBatchWhoseCommitFails_isAppliedAgainLineByLine_andLosesNothing() throws Exception {
    UUID serviceId = UUID.randomUUID();
    UUID episodeId = UUID.randomUUID();
    UUID poisoned = UUID.randomUUID();
    assertThat(postCommand(commissionService(UUID.randomUUID(), serviceId)).statusCode())
        .isEqualTo(202);
    var file = new Ndjson();
    file.line(oneLine(receiveReferral(UUID.randomUUID(), episodeId, serviceId)));
    file.line(oneLine(recordContact(poisoned, episodeId, UUID.randomUUID(), AFTER_REFERRAL, 40)));
    file.line("{not json");
    for (int i = 1; i <= 5; i++) {
      file.line(
          oneLine(
              recordContact(
                  UUID.randomUUID(),
                  episodeId,
                  UUID.randomUUID(),
                  AFTER_REFERRAL.plusSeconds(60L * i),
                  10 + i)));
    }
    long events = count("domain_event_entry");
    long logged = count("command_log");
    jdbc.execute("CREATE SEQUENCE import_it_commit_attempts");
    jdbc.execute(
        """
        CREATE FUNCTION import_it_fail_first_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF nextval('import_it_commit_attempts') = 1 THEN
            RAISE EXCEPTION 'simulated failure at commit';
          END IF;
          RETURN NULL;
        END $$""");
    jdbc.execute(
        "CREATE CONSTRAINT TRIGGER import_it_fail_first_commit AFTER INSERT ON command_log"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.command_id = '"
            + poisoned
            + "') EXECUTE FUNCTION import_it_fail_first_commit()");
    JsonNode result;
    long commitAttempts;
    try {
      result = importFile(file.bytes());
      commitAttempts =
          jdbc.queryForObject("SELECT last_value FROM import_it_commit_attempts", Long.class);
    } finally {
      jdbc.execute("DROP TRIGGER import_it_fail_first_commit ON command_log");
      jdbc.execute("DROP FUNCTION import_it_fail_first_commit()");
      jdbc.execute("DROP SEQUENCE import_it_commit_attempts");
    }

    assertThat(commitAttempts)
        .as("the batch's commit failed, then its line committed alone")
        .isEqualTo(2);
    assertThat(result.path("lines").asLong()).isEqualTo(8);
    assertThat(result.path("accepted").asLong()).isEqualTo(7);
    assertThat(result.path("duplicates").asLong()).isZero();
    assertThat(rejections(result)).containsExactly("3 null MALFORMED_COMMAND");
    assertThat(count("domain_event_entry")).isEqualTo(events + 7);
    assertThat(count("command_log")).isEqualTo(logged + 7);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                episodeId.toString()))
        .isEqualTo(7);
  }

  @Test
  void otherMediaTypes_areRefusedAsProblems() {
    HttpResponse<String> response =
        post(
            "/api/v1/import",
            "application/json",
            oneLine(commissionService(UUID.randomUUID(), UUID.randomUUID())));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void emptyBody_importsNothing() throws Exception {
    JsonNode result = importFile(new byte[0]);

    assertThat(result.toString())
        .isEqualTo(
            "{\"lines\":0,\"accepted\":0,\"duplicates\":0,\"rejected\":0,\"rejections\":[]}");
  }

  @Test
  void openApiDocumentsTheImport() {
    assertThat(get("/v3/api-docs").body()).contains("/api/v1/import", "application/x-ndjson");
  }

  private JsonNode importFile(byte[] body) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/import"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", DEFAULT_LOGIN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return json.readTree(response.body());
  }

  /** Each rejection as "line commandId code". */
  private static List<String> rejections(JsonNode result) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : result.path("rejections")) {
      out.add(
          r.path("line").asLong()
              + " "
              + (r.path("commandId").isNull() ? "null" : r.path("commandId").asString())
              + " "
              + r.path("code").asString());
    }
    return out;
  }

  private long logged(UUID... commandIds) {
    long n = 0;
    for (UUID id : commandIds) {
      n +=
          jdbc.queryForObject(
              "SELECT count(*) FROM command_log WHERE command_id = ?", Long.class, id);
    }
    return n;
  }

  /** WireJson's commands are pretty-printed over several lines; NDJSON needs one each. */
  private static String oneLine(String command) {
    return command.replace("\n", "").strip();
  }

  private static final class Ndjson {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void line(String line) {
      last(line);
      out.write('\n');
    }

    void last(String line) {
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] line) {
      out.writeBytes(line);
      out.write('\n');
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
