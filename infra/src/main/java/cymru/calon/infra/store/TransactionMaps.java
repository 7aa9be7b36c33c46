package cymru.calon.infra.store;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What a transaction remembers for itself, forgotten when it ends (committed or not). */
public final class TransactionMaps {
  private TransactionMaps() {}

  /**
   * The map bound to {@code key} in the current transaction, made empty at its first use; null
   * outside a transaction, where nothing is kept.
   */
  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> of(Object key) {
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
            public void afterCompletion(int status) {
              fresh.clear();
              TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
          });
      known = fresh;
    }
    return known;
  }
}
