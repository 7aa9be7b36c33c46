package cymru.calon.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: infra → {query-side, projections, commands/model} → commands/api, and
 * query-side reads only the generated schema of projections (STYLE.md).
 */
class ModuleDirectionTest {
  private static JavaClasses calon;

  @BeforeAll
  static void importClasses() {
    calon =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cymru.calon");
  }

  @Test
  void api_dependsOnNoOtherModule_andNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("cymru.calon.commands.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cymru.calon.commands.model..",
            "cymru.calon.projections..",
            "cymru.calon.query..",
            "cymru.calon.infra..",
            "org.springframework..",
            "org.jooq..",
            "jakarta.persistence..",
            "tools.jackson..",
            "com.fasterxml..")
        .check(calon);
  }

  @Test
  void model_dependsOnlyOnApi() {
    noClasses()
        .that()
        .resideInAPackage("cymru.calon.commands.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cymru.calon.projections..", "cymru.calon.query..", "cymru.calon.infra..")
        .check(calon);
  }

  @Test
  void projections_dependOnlyOnApi() {
    noClasses()
        .that()
        .resideInAPackage("cymru.calon.projections..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cymru.calon.commands.model..", "cymru.calon.query..", "cymru.calon.infra..")
        .check(calon);
  }

  @Test
  void querySide_readsOnlyTheGeneratedSchemaOfProjections() {
    noClasses()
        .that()
        .resideInAPackage("cymru.calon.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("cymru.calon.commands.model..", "cymru.calon.infra..")
        .orShould()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "projections outside the generated schema",
                c ->
                    c.getPackageName().startsWith("cymru.calon.projections")
                        && !c.getPackageName().startsWith("cymru.calon.projections.schema")))
        .check(calon);
  }

  @Test
  void nothingUsesJpa() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
        .check(calon);
  }
}
