package cymru.calon.infra;

import cymru.calon.infra.imports.CommandLineImport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "cymru.calon")
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
