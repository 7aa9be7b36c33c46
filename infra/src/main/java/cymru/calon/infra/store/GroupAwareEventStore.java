package cymru.calon.infra.store;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, told of new events once per database commit rather than once per
 * command. After each command's unit of work, the store wakes its reader to fetch the new events at
 * once. In a group of commands committed together ({@code GroupCommit}) a command's unit of work
 * ends while the group's transaction is still open, so each of the group's commands woke the reader
 * to find nothing yet visible: during an import over 1,000 empty fetches a second, each a
 * transaction of its own. Inside an open transaction the wake-up is deferred to that transaction's
 * commit, once; a command in a transaction of its own wakes the reader as before (its transaction
 * has already committed when its unit of work ends).
 */
final class GroupAwareEventStore extends EmbeddedEventStore {
  private static final Object WAKE_PENDING = new Object();

  GroupAwareEventStore(Builder builder) {
    super(builder);
  }

  @Override
  protected void afterCommit(List<? extends EventMessage<?>> events) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      super.afterCommit(events);
      return;
    }
    if (TransactionSynchronizationManager.hasResource(WAKE_PENDING)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(WAKE_PENDING, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            GroupAwareEventStore.super.afterCommit(events);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_PENDING);
          }
        });
  }
}
