package cymru.calon.projections.figures;

import java.util.LinkedHashMap;
import java.util.Map;

/** The projections' bounded memories: maps that drop the least recently used entry when full. */
final class LeastRecentlyUsed {
  private LeastRecentlyUsed() {}

  /** A map of at most {@code maxEntries}, not thread-safe: callers synchronise. */
  static <K, V> Map<K, V> map(int maxEntries) {
    return new LinkedHashMap<>(1_024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxEntries;
      }
    };
  }
}
