package cymru.calon.infra.imports;

import static cymru.calon.infra.WireJson.commissionService;
import static cymru.calon.infra.WireJson.receiveReferral;
import static cymru.calon.infra.WireJson.recordContact;
import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.infra.CalonProcess;
import cymru.calon.infra.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar calon.jar --calon.import.file=…}: the summary alone on standard output (or in
 * the report file), and the exit status says whether every line was applied.
 */
class CommandLineImportIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path dir;

  @Test
  void importsAFile_printsTheSummary_andExitsWithItsStatus() throws Exception {
    UUID serviceId = UUID.randomUUID();
    UUID episodeId = UUID.randomUUID();
    Path first = dir.resolve("first.ndjson");
    Files.writeString(
        first,
        oneLine(WireJson.workerJoined())
            + "\n"
            + oneLine(WireJson.registerPerson())
            + "\n"
            + oneLine(commissionService(UUID.randomUUID(), serviceId))
            + "\n"
            + oneLine(receiveReferral(UUID.randomUUID(), episodeId, serviceId))
            + "\n{not json\n");

    CalonProcess.Exit someRejected =
        CalonProcess.runToExit(dir, TIMEOUT, "--calon.import.file=" + first);

    assertThat(someRejected.status()).as(someRejected.stderr()).isEqualTo(1);
    JsonNode summary = json.readTree(someRejected.stdout());
    assertThat(summary.path("lines").asLong()).isEqualTo(5);
    assertThat(summary.path("accepted").asLong()).isEqualTo(4);
    assertThat(summary.path("rejected").asLong()).isEqualTo(1);
    assertThat(summary.path("rejections").get(0).path("line").asLong()).isEqualTo(5);
    assertThat(summary.path("rejections").get(0).path("code").asString())
        .isEqualTo("MALFORMED_COMMAND");

    Path second = dir.resolve("second.ndjson");
    Files.writeString(
        second,
        oneLine(
                recordContact(
                    UUID.randomUUID(),
                    episodeId,
                    UUID.randomUUID(),
                    Instant.parse("2025-05-02T10:00:00Z"),
                    30))
            + "\n");
    Path report = dir.resolve("report.json");

    CalonProcess.Exit allApplied =
        CalonProcess.runToExit(
            dir, TIMEOUT, "--calon.import.file=" + second, "--calon.import.report=" + report);

    assertThat(allApplied.status()).as(allApplied.stderr()).isZero();
    assertThat(allApplied.stdout()).isEmpty();
    assertThat(json.readTree(Files.readString(report)).path("accepted").asLong()).isEqualTo(1);

    CalonProcess.Exit missing =
        CalonProcess.runToExit(dir, TIMEOUT, "--calon.import.file=" + dir.resolve("none.ndjson"));

    assertThat(missing.status()).as(missing.stderr()).isEqualTo(2);
    assertThat(missing.stdout()).isEmpty();
  }

  private static String oneLine(String command) {
    return command.replace("\n", "").strip();
  }
}
