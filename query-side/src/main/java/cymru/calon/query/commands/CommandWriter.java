package cymru.calon.query.commands;

import cymru.calon.commands.api.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Single commands, group-committed: callers hand their command to one writer thread, which takes
 * every command waiting when it is free and applies them as one group ({@link GroupCommit}), then
 * answers each caller with its own result once the group has committed. Nothing is added to a
 * command's latency to wait for company: a group is whatever arrived while the one before it was
 * being applied, so a lone caller is a group of one, and concurrent callers share a commit (and its
 * fsync) instead of queueing for the append lock one commit each.
 *
 * <p>Every guarantee of a command in its own transaction holds: the idempotency row commits with
 * the events; a refused command stores nothing and gets its own refusal; twins with one {@code
 * commandId} in one group see each other (one is accepted, the other a duplicate); and a group that
 * fails is applied again one command at a time.
 */
@Component
public class CommandWriter implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(CommandWriter.class);

  private final GroupCommit groups;
  private final CommandDispatcher dispatcher;
  private final boolean grouped;
  private final int maxGroup;
  private final Duration groupTime;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private volatile Thread writer;

  /** Handed to the writer by {@link #stop}: it answers what is queued, then ends. */
  private static final Pending STOP = new Pending(null, null);

  /**
   * @param grouped off only to measure what grouping gains: each command then runs in the caller's
   *     thread in a transaction of its own, as before group commits
   */
  CommandWriter(
      GroupCommit groups,
      CommandDispatcher dispatcher,
      @Value("${calon.commands.group-commit:true}") boolean grouped,
      @Value("${calon.commands.group-size:100}") int maxGroup,
      @Value("${calon.commands.group-time:200ms}") Duration groupTime) {
    this.groups = groups;
    this.dispatcher = dispatcher;
    this.grouped = grouped;
    this.maxGroup = maxGroup;
    this.groupTime = groupTime;
  }

  /**
   * Applies one command, durably, and answers once it is committed.
   *
   * @throws CommandRejected when a rule refuses the command; nothing was stored
   */
  public CommandStatus write(ParsedCommand command) {
    if (!grouped) {
      return dispatcher.dispatch(command);
    }
    Pending pending = new Pending(command, new CompletableFuture<>());
    queue.add(pending);
    if (writer == null) {
      // not running (starting or stopped): nobody else will take it
      if (queue.remove(pending)) {
        throw new IllegalStateException("The command writer is not running");
      }
    }
    GroupCommit.Result result = pending.result().join();
    if (result.rejection() != null) {
      throw new CommandRejected(result.rejection());
    }
    if (result.failure() != null) {
      throw result.failure();
    }
    return result.status();
  }

  /** How many commands are waiting for the writer (for monitoring, and for tests). */
  public int queued() {
    return queue.size();
  }

  private void run() {
    List<Pending> group = new ArrayList<>(maxGroup);
    List<ParsedCommand> commands = new ArrayList<>(maxGroup);
    boolean stopping = false;
    while (!stopping || !queue.isEmpty()) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      queue.drainTo(group, maxGroup - 1);
      stopping |= group.remove(STOP);
      group.forEach(pending -> commands.add(pending.command()));
      int next = 0;
      try {
        while (next < group.size()) {
          for (GroupCommit.Result result : groups.apply(commands, next, groupTime)) {
            group.get(next++).result().complete(result);
          }
        }
      } catch (RuntimeException | Error e) {
        log.error("A group of commands could not be applied ({})", GroupCommit.causes(e));
        for (int i = next; i < group.size(); i++) {
          group.get(i).result().completeExceptionally(e);
        }
      }
      group.clear();
      commands.clear();
    }
  }

  @Override
  public void start() {
    if (!grouped) {
      return;
    }
    Thread thread = new Thread(this::run, "calon-command-writer");
    thread.setDaemon(true);
    writer = thread;
    thread.start();
  }

  /** Stops once the commands already handed over are answered. */
  @Override
  public void stop() {
    Thread thread = writer;
    if (thread == null) {
      return;
    }
    writer = null;
    queue.add(STOP);
    try {
      thread.join(Duration.ofMinutes(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // anything handed over after the writer's last look
    for (Pending pending; (pending = queue.poll()) != null; ) {
      if (pending != STOP) {
        pending.result().completeExceptionally(new IllegalStateException("Calon is stopping"));
      }
    }
  }

  @Override
  public boolean isRunning() {
    return writer != null;
  }

  /**
   * Stops after the web server (which lets requests in flight finish, and they wait here) and
   * before Axon and the database connections.
   */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 4096;
  }

  private record Pending(ParsedCommand command, CompletableFuture<GroupCommit.Result> result) {}
}
