package cymru.calon.query.commands;

import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.errors.Rejection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies commands in groups: one transaction, and so one commit and one fsync, for many commands,
 * each with the result it would get alone. Appends are serialised until commit (see {@code
 * SerializedAppends}), so without groups every command would wait for the fsyncs of all the
 * commands ahead of it; a group pays one for all of them.
 *
 * <p>A command of a group has no savepoint: it writes nothing before its unit of work commits (its
 * idempotency row waits in the group's log), so a refusal leaves the transaction untouched, and any
 * other failure marks the transaction rollback-only (see {@code SavepointTransactionManager}).
 *
 * <p>A group runs alone ({@link BatchGate}) and every command in it goes through the same command
 * bus, interceptors and aggregates as a command in a transaction of its own. If the group fails as
 * a whole (a command fails for a reason that is not a refusal, or the commit fails), nothing of it
 * is stored but the aggregate caches may hold what its commands did: they are emptied before the
 * gate opens, and the group's commands are applied again one transaction each, so none is lost or
 * half-written. Nobody may act on a result before {@link #apply} returns it: until the commit, an
 * accepted command is not yet stored.
 */
@Component
public class GroupCommit {
  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final CommandDispatcher dispatcher;
  private final TransactionTemplate transactions;
  private final BatchGate gate;
  private final ObjectProvider<Cache> caches;
  private final ObjectProvider<BatchStart> groupStarts;

  GroupCommit(
      CommandDispatcher dispatcher,
      PlatformTransactionManager transactionManager,
      BatchGate gate,
      ObjectProvider<Cache> caches,
      ObjectProvider<BatchStart> groupStarts) {
    this.dispatcher = dispatcher;
    this.transactions = new TransactionTemplate(transactionManager);
    this.gate = gate;
    this.caches = caches;
    this.groupStarts = groupStarts;
  }

  /** Bound to the group's transaction while its commands run. */
  private static final Object GROUP = new Object();

  /**
   * Whether the current thread is applying a command of a group. Such a command runs in the group's
   * transaction without a savepoint of its own (see {@code SavepointTransactionManager}): a refusal
   * undoes the little it wrote (its idempotency row), and any other failure marks the group's
   * transaction for rollback, so the group is applied again one command at a time.
   */
  public static boolean inGroup() {
    return TransactionSynchronizationManager.hasResource(GROUP);
  }

  /** What became of one command: exactly one of the three is set. */
  public record Result(CommandStatus status, Rejection rejection, RuntimeException failure) {
    static Result applied(CommandStatus status) {
      return new Result(status, null, null);
    }

    static Result rejected(Rejection rejection) {
      return new Result(null, rejection, null);
    }

    static Result failed(RuntimeException failure) {
      return new Result(null, null, failure);
    }
  }

  /**
   * Applies {@code commands} from index {@code from} in one transaction, until all are applied or
   * {@code time} has passed (the transaction holds the append lock, which other writers wait for).
   *
   * @return the results of the commands applied, in order: at least one, and every result is
   *     committed. The last one is a failure when a command failed even in a transaction of its own
   *     (the store is failing); the commands after it were not applied.
   */
  public List<Result> apply(List<ParsedCommand> commands, int from, Duration time) {
    List<Result> results = new ArrayList<>();
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
            List<ParsedCommand> group = commands.subList(from, commands.size());
            groupStarts.forEach(start -> start.begin(group));
            TransactionSynchronizationManager.bindResource(GROUP, Boolean.TRUE);
            try {
              long due = System.nanoTime() + time.toNanos();
              while (next[0] < commands.size()) {
                // moved past before it is applied, so a command that fails the group is applied
                // again too
                results.add(inGroup(commands.get(next[0]++)));
                if (status.isRollbackOnly()) {
                  throw new IllegalStateException(
                      "A command of the group failed after it had written");
                }
                if (System.nanoTime() - due >= 0) {
                  break;
                }
              }
            } finally {
              TransactionSynchronizationManager.unbindResource(GROUP);
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
      return results;
    }
    // the command that failed is applied again too; if none got going, the first one is
    int end = Math.max(next[0], from + 1);
    log.warn(
        "A group of {} commands failed ({}); applying them one transaction each",
        end - from,
        causes(failure));
    results.clear();
    for (int i = from; i < end; i++) {
      Result alone = alone(commands.get(i));
      results.add(alone);
      if (alone.failure() != null) {
        break;
      }
    }
    return results;
  }

  /** A refusal is the command's result; anything else fails the group. */
  private Result inGroup(ParsedCommand command) {
    try {
      return Result.applied(dispatcher.dispatch(command));
    } catch (CommandRejected e) {
      return Result.rejected(e.rejection());
    }
  }

  private Result alone(ParsedCommand command) {
    try {
      return inGroup(command);
    } catch (RuntimeException e) {
      log.error("A command failed on its own ({})", causes(e));
      return Result.failed(e);
    }
  }

  /**
   * Exception types only: messages of database and framework exceptions can quote submitted values,
   * which may be personal data.
   */
  public static String causes(Throwable e) {
    StringBuilder types = new StringBuilder();
    for (Throwable t = e; t != null && types.length() < 500; t = t.getCause()) {
      if (!types.isEmpty()) {
        types.append(" <- ");
      }
      types.append(t.getClass().getName());
    }
    return types.toString();
  }
}
