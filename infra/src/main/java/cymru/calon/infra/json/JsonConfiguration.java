package cymru.calon.infra.json;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** One JSON form for the HTTP API and the event store. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {
  /** Picked up by Spring Boot's JsonMapper, used for HTTP bodies. */
  @Bean
  JacksonModule identifierModule() {
    return new IdentifierModule();
  }

  /**
   * Axon's jackson3 serializer builds its own mapper: give it the same module. Its default type
   * validator refuses the polymorphic {@code ReplayToken} a processor reset stores (Axon 4.13.0,
   * AxonFramework#4160), so a reset would leave every processor unable to claim its token. Class
   * names in type ids are allowed for Axon's own token classes only.
   */
  @Bean
  Jackson3SerializerCustomizer axonJsonCustomizer() {
    return builder ->
        builder
            .addModule(new IdentifierModule())
            .polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder()
                    .allowIfSubType("org.axonframework.eventhandling.")
                    .build());
  }
}
