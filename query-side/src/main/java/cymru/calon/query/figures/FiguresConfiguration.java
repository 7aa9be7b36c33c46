package cymru.calon.query.figures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** The figures' settings: bank holidays, small-number suppression. */
@Configuration(proxyBeanMethods = false)
public class FiguresConfiguration {
  @Bean
  WorkingDays workingDays(
      @Value("${calon.figures.bank-holidays:classpath:calon/bank-holidays-england-and-wales.txt}")
          Resource list) {
    try (InputStream in = list.getInputStream()) {
      return WorkingDays.fromList(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bank holiday list " + list, e);
    }
  }

  @Bean
  Suppression suppression(
      @Value("${calon.figures.suppression.min-count:5}") int minCount,
      @Value("${calon.figures.suppression.min-denominator:10}") int minDenominator,
      @Value("${calon.figures.suppression.min-episodes:10}") int minEpisodes) {
    return new Suppression(minCount, minDenominator, minEpisodes);
  }
}
