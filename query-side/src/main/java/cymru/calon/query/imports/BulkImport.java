package cymru.calon.query.imports;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.query.commands.CommandDispatcher;
import cymru.calon.query.commands.CommandRejected;
import cymru.calon.query.commands.ParsedCommand;
import cymru.calon.query.commands.WireCommands;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies newline-delimited commands (the wire form, one a line) in file order, streaming: memory
 * holds one batch of lines, never the file or its results.
 *
 * <p>A transaction per command would cost an fsync per line, so lines commit in batches: one
 * transaction of up to {@code calon.import.batch-size} lines or {@code calon.import.batch-time},
 * with each command in a savepoint of its own (Axon's transaction manager uses nested propagation),
 * so a refused command rolls back alone, idempotency row included, and the batch goes on. If a
 * batch fails as a whole (a command fails for a reason that is not a refusal, or the commit fails),
 * nothing of it is stored but the aggregate caches may hold what its commands did: they are
 * emptied, and the batch's lines are applied again one transaction each, so no line is lost.
 */
@Component
public class BulkImport {
  private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

  private final WireCommands wire;
  private final CommandDispatcher dispatcher;
  private final TransactionTemplate transactions;
  private final BatchGate gate;
  private final ObjectProvider<Cache> caches;
  private final ObjectProvider<BatchStart> batchStarts;
  private final JsonMapper json;
  private final int maxLineBytes;
  private final int batchSize;
  private final long batchNanos;

  BulkImport(
      WireCommands wire,
      CommandDispatcher dispatcher,
      PlatformTransactionManager transactionManager,
      BatchGate gate,
      ObjectProvider<Cache> caches,
      ObjectProvider<BatchStart> batchStarts,
      JsonMapper json,
      @Value("${calon.import.max-line-bytes:65536}") int maxLineBytes,
      @Value("${calon.import.batch-size:500}") int batchSize,
      @Value("${calon.import.batch-time:200ms}") Duration batchTime) {
    this.wire = wire;
    this.dispatcher = dispatcher;
    this.transactions = new TransactionTemplate(transactionManager);
    this.gate = gate;
    this.caches = caches;
    this.batchStarts = batchStarts;
    this.json = json;
    this.maxLineBytes = maxLineBytes;
    this.batchSize = batchSize;
    this.batchNanos = batchTime.toNanos();
  }

  /**
   * Imports every line of {@code in}. The caller closes the report, which deletes its temporary
   * file.
   *
   * @throws IOException when {@code in} cannot be read; lines applied before stay applied
   * @throws ImportInterrupted when a line cannot be applied even on its own
   */
  public ImportReport run(InputStream in) throws IOException {
    ImportReport report = new ImportReport(json);
    try {
      NdjsonLines lines = new NdjsonLines(in, maxLineBytes);
      List<Line> batch = new ArrayList<>(batchSize);
      while (readBatch(lines, batch)) {
        int next = 0;
        while (next < batch.size()) {
          next = applyFrom(batch, next, report);
        }
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
  private boolean readBatch(NdjsonLines lines, List<Line> batch) throws IOException {
    while (batch.size() < batchSize && (batch.isEmpty() || lines.ready())) {
      NdjsonLines.Line line = lines.next();
      if (line == null) {
        break;
      }
      batch.add(parse(line));
    }
    return !batch.isEmpty();
  }

  private Line parse(NdjsonLines.Line line) {
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
      return Line.parsed(line.number(), wire.read(line.bytes()));
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
   * Applies lines from {@code from} in one transaction until the batch or its time is used up.
   *
   * @return the index of the first line not yet applied
   */
  private int applyFrom(List<Line> batch, int from, ImportReport report) {
    List<Outcome> outcomes = new ArrayList<>();
    int[] next = {from};
    Lock exclusive = gate.exclusive();
    boolean[] passed = {false};
    RuntimeException failure = null;
    try {
      transactions.executeWithoutResult(
          status -> {
            // Through the gate once the transaction has its connection, as a single command
            // does, and before the append lock: taken in one order, they cannot deadlock.
            exclusive.lock();
            passed[0] = true;
            batchStarts.forEach(BatchStart::begin);
            long due = System.nanoTime() + batchNanos;
            while (next[0] < batch.size()) {
              // moved past before it is applied, so a line that fails the batch is applied again
              Line line = batch.get(next[0]++);
              outcomes.add(apply(line));
              if (System.nanoTime() - due >= 0) {
                break;
              }
            }
          });
    } catch (RuntimeException | Error e) {
      // Commands of the rolled-back transaction may have left their state in the caches; they
      // are emptied before the gate opens to other commands.
      caches.forEach(Cache::removeAll);
      if (e instanceof Error error) {
        throw error;
      }
      failure = (RuntimeException) e;
    } finally {
      if (passed[0]) {
        exclusive.unlock();
      }
    }
    if (failure == null) {
      outcomes.forEach(outcome -> outcome.addTo(report));
      return next[0];
    }
    // the line that failed is applied again too; if none got going, the first one is
    int end = Math.max(next[0], from + 1);
    log.warn(
        "Import batch of lines {} to {} failed ({}); applying them one transaction each",
        batch.get(from).number(),
        batch.get(end - 1).number(),
        causes(failure));
    for (int i = from; i < end; i++) {
      applyAlone(batch.get(i)).addTo(report);
    }
    return end;
  }

  private Outcome apply(Line line) {
    if (line.refused() != null) {
      return Outcome.rejected(line.refused());
    }
    try {
      return Outcome.applied(dispatcher.dispatch(line.command()));
    } catch (CommandRejected e) {
      return Outcome.rejected(rejection(line.number(), line.command().commandId(), e.rejection()));
    }
  }

  private Outcome applyAlone(Line line) {
    try {
      return apply(line);
    } catch (RuntimeException e) {
      log.error("Import stopped: line {} failed on its own ({})", line.number(), causes(e));
      throw new ImportInterrupted(line.number());
    }
  }

  private static ImportRejection rejection(long line, UUID commandId, Rejection rejection) {
    return new ImportRejection(
        line, commandId, rejection.code().name(), rejection.detail(), rejection.errors());
  }

  /**
   * Exception types only: messages of database and framework exceptions can quote submitted values,
   * which may be personal data.
   */
  private static String causes(Throwable e) {
    StringBuilder types = new StringBuilder();
    for (Throwable t = e; t != null && types.length() < 500; t = t.getCause()) {
      if (!types.isEmpty()) {
        types.append(" <- ");
      }
      types.append(t.getClass().getName());
    }
    return types.toString();
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

  private record Outcome(CommandStatus status, ImportRejection rejection) {
    static Outcome applied(CommandStatus status) {
      return new Outcome(status, null);
    }

    static Outcome rejected(ImportRejection rejection) {
      return new Outcome(null, rejection);
    }

    void addTo(ImportReport report) {
      if (rejection != null) {
        report.rejected(rejection);
      } else {
        report.accepted(status == CommandStatus.DUPLICATE);
      }
    }
  }
}
