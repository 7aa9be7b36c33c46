package cymru.calon.infra.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction remembers for itself, or keeps to write as it commits, forgotten when it ends
 * (committed or not).
 */
public final class TransactionMaps {
  private TransactionMaps() {}

  /**
   * The map bound to {@code key} in the current transaction, made empty at its first use; null
   * outside a transaction, where nothing is kept.
   */
  public static <K, V> Map<K, V> of(Object key) {
    return of(key, map -> {});
  }

  /**
   * As {@link #of(Object)}, and once the transaction commits (not if it rolls back) its map is
   * handed to {@code afterCommit} before it is forgotten.
   */
  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> of(Object key, Consumer<Map<K, V>> afterCommit) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<K, V> known = (Map<K, V>) TransactionSynchronizationManager.getResource(key);
    if (known == null) {
      Map<K, V> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(key, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              afterCommit.accept(fresh);
            }

            @Override
            public void afterCompletion(int status) {
              fresh.clear();
              TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
          });
      known = fresh;
    }
    return known;
  }

  /**
   * What waits in the current transaction to be written just before it commits: the value bound to
   * {@code key}, made by {@code fresh} at its first use, handed to {@code beforeCommit} as the
   * transaction commits and forgotten when it ends (committed or not). Null outside a synchronised
   * transaction.
   */
  @SuppressWarnings("unchecked")
  public static <T> T waiting(Object key, Supplier<T> fresh, Consumer<T> beforeCommit) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    T waiting = (T) TransactionSynchronizationManager.getResource(key);
    if (waiting == null) {
      T made = fresh.get();
      TransactionSynchronizationManager.bindResource(key, made);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              beforeCommit.accept(made);
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
          });
      waiting = made;
    }
    return waiting;
  }

  /** The value {@link #waiting} bound to {@code key} in the current transaction, or null. */
  @SuppressWarnings("unchecked")
  public static <T> T waitingIfAny(Object key) {
    return (T) TransactionSynchronizationManager.getResource(key);
  }
}
