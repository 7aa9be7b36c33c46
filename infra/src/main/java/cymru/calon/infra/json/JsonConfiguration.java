package cymru.calon.infra.json;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;

/** One JSON form for the HTTP API and the event store. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {
  /** Picked up by Spring Boot's JsonMapper, used for HTTP bodies. */
  @Bean
  JacksonModule identifierModule() {
    return new IdentifierModule();
  }

  /** Axon's jackson3 serializer builds its own mapper: give it the same module. */
  @Bean
  Jackson3SerializerCustomizer axonJsonCustomizer() {
    return builder -> builder.addModule(new IdentifierModule());
  }
}
