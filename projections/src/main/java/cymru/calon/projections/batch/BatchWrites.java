package cymru.calon.projections.batch;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Coalesces a projection's writes over the batch of events Axon's processor hands it in one unit of
 * work: handlers add rows to a buffer, and the buffer is written (a few multi-row statements) just
 * before the batch's transaction commits, together with the processor's token. Outside a unit of
 * work (a handler called directly) the writes happen at once.
 *
 * <p>A failed write fails the whole batch: its transaction rolls back with the token, and the
 * processor retries the batch, so no event is ever half-applied.
 */
public final class BatchWrites<B extends BatchWrites.Buffer> {
  /** What a projection writes for a batch of events. */
  public interface Buffer {
    void flush();

    /**
     * Called once the batch's transaction has committed (never for writes outside a unit of work,
     * whose transaction is not known here).
     */
    default void committed() {}
  }

  private final String key;
  private final Supplier<B> newBuffer;

  public BatchWrites(String key, Supplier<B> newBuffer) {
    this.key = key;
    this.newBuffer = newBuffer;
  }

  /** Adds to the current batch's buffer (written at commit), or writes at once outside a batch. */
  public void add(Consumer<B> rows) {
    if (!CurrentUnitOfWork.isStarted()) {
      B buffer = newBuffer.get();
      rows.accept(buffer);
      buffer.flush();
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    B buffer =
        root.getOrComputeResource(
            key,
            k -> {
              B created = newBuffer.get();
              root.onPrepareCommit(unitOfWork -> created.flush());
              root.afterCommit(unitOfWork -> afterCommit(created));
              return created;
            });
    rows.accept(buffer);
  }

  /**
   * Tells the buffer its batch committed. A processor's unit of work commits its own transaction,
   * which is over by now; a unit of work run inside a transaction of its caller's (the policy
   * warehouse's) is followed by that commit, so the buffer hears once it has happened.
   */
  private static void afterCommit(Buffer buffer) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              buffer.committed();
            }
          });
    } else {
      buffer.committed();
    }
  }

  /**
   * Writes what the current batch has buffered so far, for a handler that reads those rows (its
   * buffer is left empty, so the write at commit does not repeat it). Nothing outside a batch.
   */
  public void flushPending() {
    if (!CurrentUnitOfWork.isStarted()) {
      return;
    }
    B buffer = CurrentUnitOfWork.get().root().getResource(key);
    if (buffer != null) {
      buffer.flush();
    }
  }
}
