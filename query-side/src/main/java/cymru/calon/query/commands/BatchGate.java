package cymru.calon.query.commands;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps a group of commands committed together ({@link GroupCommit}: an import batch, or single
 * commands gathered by {@link CommandWriter}) apart from every other command in this JVM: commands
 * in their own transactions pass the gate together, a group passes it alone.
 *
 * <p>A group (a batch, below) commits many commands in one transaction. Each command's unit of work
 * ends at its savepoint, so its aggregate lock is released and the aggregate cache updated while
 * the batch is still uncommitted. Without the gate another command could read that uncommitted
 * state from the cache and be stored on top of it even if the batch then rolls back; and it could
 * deadlock with the batch: it holds its aggregate's lock while waiting for the append lock that the
 * batch holds until commit (see {@code SerializedAppends}), while the batch waits for that
 * aggregate's lock. The batch holds the append lock until it commits anyway, so the gate costs
 * other commands no more waiting than that lock already does. Fair, so that commands waiting
 * between two batches go first.
 *
 * <p>Everyone passes the gate in the same order of resources, so no two wait on each other: first
 * the transaction's connection, then the gate, then the append lock.
 */
@Component
public class BatchGate {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  /**
   * Passes each command through the gate for its whole unit of work, commit included. Register it
   * before any interceptor that touches the database.
   */
  public MessageHandlerInterceptor<CommandMessage<?>> interceptor() {
    return new Interceptor(lock.readLock());
  }

  /** Held by a group for its whole transaction; the group's own commands still pass. */
  Lock exclusive() {
    return lock.writeLock();
  }

  private static final class Interceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final Lock shared;

    Interceptor(Lock shared) {
      this.shared = shared;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      shared.lock();
      unitOfWork.onCleanup(u -> shared.unlock());
      return chain.proceed();
    }
  }
}
