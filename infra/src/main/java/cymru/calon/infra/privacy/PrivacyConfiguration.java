package cymru.calon.infra.privacy;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {
  @Bean
  PersonKeys personKeys(
      JdbcTemplate jdbc,
      JsonMapper json,
      @Value(
              "${calon.privacy.master-key-file:${calon.data-dir:./calon-data}/keys/master-keyset.json}")
          Path masterKeyFile)
      throws GeneralSecurityException {
    AeadConfig.register();
    PrfConfig.register();
    Boolean keysExist =
        jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM person_key)", Boolean.class);
    return new PersonKeys(
        jdbc, MasterKey.load(masterKeyFile, Boolean.TRUE.equals(keysExist)), json);
  }
}
