package cymru.calon.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void keepsTheMostRecentlyUsed_andEvictsTheLeastRecentlyUsed() {
    BoundedCache cache = new BoundedCache(2);
    List<Object> expired = new ArrayList<>();
    cache.registerCacheEntryListener(
        new Cache.EntryListenerAdapter() {
          @Override
          public void onEntryExpired(Object key) {
            expired.add(key);
          }
        });
    cache.put("a", 1);
    cache.put("b", 2);
    assertThat(cache.<String, Integer>get("a")).isEqualTo(1); // "a" is now the most recent
    cache.put("c", 3);

    assertThat(cache.containsKey("b")).isFalse();
    assertThat(cache.containsKey("a")).isTrue();
    assertThat(cache.containsKey("c")).isTrue();
    assertThat(expired).containsExactly("b");
  }

  @Test
  void putIfAbsent_computeAndRemove_behaveAsAMap() {
    BoundedCache cache = new BoundedCache(10);
    assertThat(cache.putIfAbsent("k", "v1")).isTrue();
    assertThat(cache.putIfAbsent("k", "v2")).isFalse();
    assertThat(cache.<String>computeIfAbsent("k", () -> "v3")).isEqualTo("v1");
    cache.<String>computeIfPresent("k", v -> v + "!");
    assertThat(cache.<String, String>get("k")).isEqualTo("v1!");
    assertThat(cache.remove("k")).isTrue();
    assertThat(cache.<String, String>get("k")).isNull();

    cache.put("x", 1);
    cache.put("y", 2);
    cache.removeAll();
    assertThat(cache.containsKey("x")).isFalse();
    assertThat(cache.containsKey("y")).isFalse();
  }
}
