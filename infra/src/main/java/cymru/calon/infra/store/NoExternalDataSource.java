package cymru.calon.infra.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when no external PostgreSQL is configured: neither {@code spring.datasource.url} nor its
 * environment-variable form {@code SPRING_DATASOURCE_URL}.
 */
class NoExternalDataSource implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !context.getEnvironment().containsProperty("spring.datasource.url");
  }
}
