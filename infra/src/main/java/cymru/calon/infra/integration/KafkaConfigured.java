package cymru.calon.infra.integration;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Publishing is on only where a broker is named, so Calon runs (and every test passes) without
 * Kafka.
 */
public class KafkaConfigured implements Condition {
  static final String CALON_PROPERTY = "calon.kafka.bootstrap-servers";
  static final String SPRING_PROPERTY = "spring.kafka.bootstrap-servers";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return StringUtils.hasText(bootstrapServers(context.getEnvironment()));
  }

  public static String bootstrapServers(org.springframework.core.env.PropertyResolver properties) {
    String calon = properties.getProperty(CALON_PROPERTY);
    return StringUtils.hasText(calon) ? calon : properties.getProperty(SPRING_PROPERTY);
  }
}
