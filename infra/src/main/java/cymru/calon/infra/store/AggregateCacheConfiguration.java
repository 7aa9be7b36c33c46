package cymru.calon.infra.store;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches named by the aggregates' {@code @Aggregate(cache = …)}. Without them every command
 * re-reads its aggregate's whole history from the event store, which dominated command cost. Each
 * cache keeps the most recently used aggregates ({@code calon.aggregate-cache.max-entries} each);
 * Axon evicts an entry whose unit of work rolls back, so a command that lost a race on a stale
 * entry fails once with a concurrency conflict and the retry reloads from the store.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {
  @Bean
  Cache supportEpisodeCache(@Value("${calon.aggregate-cache.max-entries:20000}") int maxEntries) {
    return new BoundedCache(maxEntries);
  }

  @Bean
  Cache serviceCache(@Value("${calon.aggregate-cache.max-entries:20000}") int maxEntries) {
    return new BoundedCache(maxEntries);
  }

  @Bean
  Cache personCache(@Value("${calon.aggregate-cache.max-entries:20000}") int maxEntries) {
    return new BoundedCache(maxEntries);
  }

  @Bean
  Cache workerCache(@Value("${calon.aggregate-cache.max-entries:20000}") int maxEntries) {
    return new BoundedCache(maxEntries);
  }
}
