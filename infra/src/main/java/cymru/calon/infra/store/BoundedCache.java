package cymru.calon.infra.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A least-recently-used aggregate cache holding at most a fixed number of entries. Axon's {@code
 * WeakReferenceCache} lets the collector drop an entry at the next GC, so under load the busiest
 * aggregates were re-read from the store again and again; this keeps the working set. It is only a
 * cache: an evicted aggregate is loaded from its events, and a stale one (written by another node)
 * loses its append on the store's sequence constraint and is reloaded on retry.
 */
final class BoundedCache implements Cache {
  private final Map<Object, Object> entries;
  private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

  BoundedCache(int maxEntries) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            boolean evict = size() > maxEntries;
            if (evict) {
              listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
            }
            return evict;
          }
        };
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <K, V> V get(K key) {
    V value = (V) entries.get(key);
    if (value != null) {
      listeners.forEach(listener -> listener.onEntryRead(key, value));
    }
    return value;
  }

  @Override
  public synchronized void put(Object key, Object value) {
    if (value == null) {
      remove(key);
      return;
    }
    boolean existed = entries.put(key, value) != null;
    listeners.forEach(
        listener -> {
          if (existed) {
            listener.onEntryUpdated(key, value);
          } else {
            listener.onEntryCreated(key, value);
          }
        });
  }

  @Override
  public synchronized boolean putIfAbsent(Object key, Object value) {
    if (entries.containsKey(key)) {
      return false;
    }
    put(key, value);
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    Object value = entries.get(key);
    if (value == null) {
      value = valueSupplier.get();
      put(key, value);
    }
    return (T) value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    Object value = entries.get(key);
    if (value != null) {
      put(key, update.apply((V) value));
    }
  }

  @Override
  public synchronized boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      listeners.forEach(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public synchronized void removeAll() {
    for (Object key : Map.copyOf(entries).keySet()) {
      remove(key);
    }
  }

  @Override
  public synchronized boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
