package cymru.calon.infra;

import cymru.calon.infra.imports.CommandLineImport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Calon, or with {@code --calon.mode=policy-warehouse} the policy warehouse ({@link CalonMode}):
 * {@code @SpringBootApplication}'s scan, with the components of the other mode left out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
    basePackages = "cymru.calon",
    excludeFilters = {
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @ComponentScan.Filter(
          type = FilterType.CUSTOM,
          classes = AutoConfigurationExcludeFilter.class),
      @ComponentScan.Filter(type = FilterType.CUSTOM, classes = CalonModeComponents.class)
    })
public class CalonApplication {
  public static void main(String[] args) {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    if (CommandLineImport.requested(args)) {
      System.exit(CommandLineImport.run(CalonApplication.class, args));
    }
    SpringApplication.run(CalonApplication.class, args);
  }
}
