package cymru.calon.query.imports;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.access.Actor;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.query.commands.CommandRejected;
import cymru.calon.query.commands.GroupCommit;
import cymru.calon.query.commands.ParsedCommand;
import cymru.calon.query.commands.WireCommands;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies newline-delimited commands (the wire form, one a line) in file order, streaming: memory
 * holds one batch of lines, never the file or its results.
 *
 * <p>A transaction per command would cost an fsync per line, so lines commit in groups ({@link
 * GroupCommit}): one transaction of up to {@code calon.import.batch-size} lines or {@code
 * calon.import.batch-time}, with each command in a savepoint of its own, so a refused command rolls
 * back alone, idempotency row included, and the batch goes on. If a group fails as a whole, its
 * lines are applied again one transaction each, so no line is lost.
 */
@Component
public class BulkImport {
  private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

  private final WireCommands wire;
  private final GroupCommit groups;
  private final JsonMapper json;
  private final int maxLineBytes;
  private final int batchSize;
  private final Duration batchTime;

  BulkImport(
      WireCommands wire,
      GroupCommit groups,
      JsonMapper json,
      @Value("${calon.import.max-line-bytes:65536}") int maxLineBytes,
      @Value("${calon.import.batch-size:500}") int batchSize,
      @Value("${calon.import.batch-time:200ms}") Duration batchTime) {
    this.wire = wire;
    this.groups = groups;
    this.json = json;
    this.maxLineBytes = maxLineBytes;
    this.batchSize = batchSize;
    this.batchTime = batchTime;
  }

  /**
   * Imports every line of {@code in}. The caller closes the report, which deletes its temporary
   * file.
   *
   * @param actor who issues every line's command: the signed-in user over HTTP, the system actor
   *     for the command line. A line this actor may not issue is rejected as {@code FORBIDDEN} and
   *     the others go on.
   * @throws IOException when {@code in} cannot be read; lines applied before stay applied
   * @throws ImportInterrupted when a line cannot be applied even on its own
   */
  public ImportReport run(InputStream in, Actor actor) throws IOException {
    java.util.Objects.requireNonNull(actor, "actor");
    ImportReport report = new ImportReport(json);
    try {
      NdjsonLines lines = new NdjsonLines(in, maxLineBytes);
      List<Line> batch = new ArrayList<>(batchSize);
      while (readBatch(lines, batch, actor)) {
        apply(batch, report);
        batch.clear();
      }
      return report;
    } catch (IOException | RuntimeException | Error e) {
      report.close();
      throw e;
    }
  }

  /**
   * Reads and parses up to a batch of lines before any transaction opens, so a slow sender never
   * holds a transaction (and the append lock) open. Waits for the first line only, then takes what
   * has already arrived.
   */
  private boolean readBatch(NdjsonLines lines, List<Line> batch, Actor actor) throws IOException {
    while (batch.size() < batchSize && (batch.isEmpty() || lines.ready())) {
      NdjsonLines.Line line = lines.next();
      if (line == null) {
        break;
      }
      batch.add(parse(line, actor));
    }
    return !batch.isEmpty();
  }

  private Line parse(NdjsonLines.Line line, Actor actor) {
    if (line.tooLong()) {
      return Line.refused(
          new ImportRejection(
              line.number(),
              null,
              "COMMAND_TOO_LARGE",
              "A command may be at most " + maxLineBytes + " bytes.",
              List.of()));
    }
    try {
      return Line.parsed(line.number(), wire.read(line.bytes()).by(actor));
    } catch (CommandRejected e) {
      UUID commandId =
          e.rejection().code() == BusinessErrorCode.MALFORMED_COMMAND
              ? null
              : commandIdIn(line.bytes());
      return Line.refused(rejection(line.number(), commandId, e.rejection()));
    }
  }

  /** The commandId of a line the wire form refused for other reasons, if it has a readable one. */
  private UUID commandIdIn(byte[] bytes) {
    try {
      JsonNode id = json.readTree(bytes).path("commandId");
      return id.isString() ? UUID.fromString(id.asString()) : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Applies a batch's commands in groups of at most {@code calon.import.batch-time} each (one
   * transaction, one commit), then reports every line in file order.
   */
  private void apply(List<Line> batch, ImportReport report) {
    List<ParsedCommand> commands = new ArrayList<>(batch.size());
    for (Line line : batch) {
      if (line.command() != null) {
        commands.add(line.command());
      }
    }
    List<GroupCommit.Result> results = new ArrayList<>(commands.size());
    while (results.size() < commands.size()) {
      List<GroupCommit.Result> applied = groups.apply(commands, results.size(), batchTime);
      results.addAll(applied);
      if (applied.getLast().failure() != null) {
        break;
      }
    }
    int next = 0;
    for (Line line : batch) {
      if (line.refused() != null) {
        report.rejected(line.refused());
        continue;
      }
      GroupCommit.Result result = results.get(next++);
      if (result.failure() != null) {
        log.error(
            "Import stopped: line {} failed on its own ({})",
            line.number(),
            GroupCommit.causes(result.failure()));
        throw new ImportInterrupted(line.number());
      }
      if (result.rejection() != null) {
        report.rejected(rejection(line.number(), line.command().commandId(), result.rejection()));
      } else {
        report.accepted(result.status() == CommandStatus.DUPLICATE);
      }
    }
  }

  private static ImportRejection rejection(long line, UUID commandId, Rejection rejection) {
    return new ImportRejection(
        line, commandId, rejection.code().name(), rejection.detail(), rejection.errors());
  }

  /** A line ready to apply: a parsed command, or a refusal found before any command ran. */
  private record Line(long number, ParsedCommand command, ImportRejection refused) {
    static Line parsed(long number, ParsedCommand command) {
      return new Line(number, command, null);
    }

    static Line refused(ImportRejection rejection) {
      return new Line(rejection.line(), null, rejection);
    }
  }
}
