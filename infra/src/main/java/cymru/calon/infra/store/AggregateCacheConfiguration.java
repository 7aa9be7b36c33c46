package cymru.calon.infra.store;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches named by the aggregates' {@code @Aggregate(cache = …)}. Without them every command
 * re-reads its aggregate's whole history from the event store, which dominated command cost. A
 * weak-reference cache holds only what the heap can spare; Axon evicts an entry whose unit of work
 * rolls back, so a command that lost a race on a stale entry fails once with a concurrency conflict
 * and the retry reloads from the store.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {
  @Bean
  Cache supportEpisodeCache() {
    return new WeakReferenceCache();
  }

  @Bean
  Cache serviceCache() {
    return new WeakReferenceCache();
  }

  @Bean
  Cache workerCache() {
    return new WeakReferenceCache();
  }
}
