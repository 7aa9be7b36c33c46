package cymru.calon.infra.integration;

import cymru.calon.infra.json.IdentifierModule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The integration-event outbox, wired only when a Kafka broker is configured ({@link
 * KafkaConfigured}). Spring Boot's own Kafka auto-configuration is not on the classpath: this is
 * the only producer.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaConfigured.class)
class IntegrationPublishingConfiguration {

  @Bean
  ProducerFactory<String, byte[]> integrationProducerFactory(
      Environment environment,
      @Value("${calon.kafka.delivery-timeout:30s}") Duration deliveryTimeout,
      @Value("${calon.kafka.max-block:10s}") Duration maxBlock) {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaConfigured.bootstrapServers(environment));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "calon-integration-events");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Every in-sync replica has the record before it counts as sent; retries cannot duplicate
    // or reorder within a producer session (at most 5 requests in flight keeps the order).
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    // Bounded, so a batch fails (and is retried by the processor) instead of hanging while the
    // broker is away.
    int linger = 5;
    int delivery = Math.toIntExact(deliveryTimeout.toMillis());
    int request = Math.min(10_000, delivery / 2);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.toIntExact(maxBlock.toMillis()));
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    return new DefaultKafkaProducerFactory<>(config);
  }

  @Bean
  KafkaTemplate<String, byte[]> integrationKafkaTemplate(
      ProducerFactory<String, byte[]> integrationProducerFactory) {
    return new KafkaTemplate<>(integrationProducerFactory);
  }

  @Bean
  IntegrationEventPublisher integrationEventPublisher(
      KafkaTemplate<String, byte[]> integrationKafkaTemplate,
      ProducerFactory<String, byte[]> integrationProducerFactory,
      @Value("${calon.kafka.delivery-timeout:30s}") Duration deliveryTimeout) {
    return new IntegrationEventPublisher(
        integrationKafkaTemplate,
        integrationProducerFactory,
        integrationJson(),
        deliveryTimeout.plusSeconds(5));
  }

  @Bean
  IntegrationHealthIndicator kafkaHealthIndicator(
      org.axonframework.config.EventProcessingConfiguration processing) {
    return new IntegrationHealthIndicator(processing);
  }

  /**
   * A tracking processor of its own with one thread: one token, so the order of the store is the
   * order of sending. Errors propagate to the processor, which retries the batch with back-off;
   * Axon's default would log them and move the token past an unsent event.
   *
   * <p>It starts from the beginning of the store with a plain token. Axon's default first token is
   * a replay token up to the head, and this processor disallows replays, so a store that already
   * held events when Kafka was first configured would never have published them: consumers such as
   * the policy warehouse would miss the whole history before that day.
   */
  @Autowired
  void processor(
      EventProcessingConfigurer processing, @Value("${calon.kafka.batch-size:100}") int batchSize) {
    processing
        .registerTrackingEventProcessor(
            IntegrationEventPublisher.GROUP,
            org.axonframework.config.Configuration::eventStore,
            configuration ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andBatchSize(batchSize)
                    .andInitialSegmentsCount(1)
                    .andInitialTrackingToken(StreamableMessageSource::createTailToken))
        .registerListenerInvocationErrorHandler(
            IntegrationEventPublisher.GROUP, configuration -> PropagatingErrorHandler.instance());
  }

  /** The published JSON: ids as bare UUIDs, instants and dates in ISO-8601. */
  static JsonMapper integrationJson() {
    return JsonMapper.builder().addModule(new IdentifierModule()).build();
  }
}
