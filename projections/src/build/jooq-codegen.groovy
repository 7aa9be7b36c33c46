// Generates the jOOQ read-model classes from a real PostgreSQL 17 with this module's migrations applied.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway
import org.jooq.codegen.GenerationTool
import org.jooq.meta.jaxb.Configuration
import org.jooq.meta.jaxb.Database
import org.jooq.meta.jaxb.Generator
import org.jooq.meta.jaxb.Jdbc
import org.jooq.meta.jaxb.Target

def loader = this.class.classLoader
def previous = Thread.currentThread().contextClassLoader
Thread.currentThread().contextClassLoader = loader
def target = "${project.build.directory}/generated-sources/jooq"
def pg = EmbeddedPostgres.builder().start()
try {
    def url = pg.getJdbcUrl('postgres', 'postgres')
    Flyway.configure(loader)
            .dataSource(url, 'postgres', 'postgres')
            .locations("filesystem:${project.basedir}/src/main/resources/db/migration/readmodel")
            .load()
            .migrate()
    GenerationTool.generate(new Configuration()
            .withJdbc(new Jdbc().withDriver('org.postgresql.Driver').withUrl(url)
                    .withUser('postgres').withPassword('postgres'))
            .withGenerator(new Generator()
                    .withDatabase(new Database()
                            .withName('org.jooq.meta.postgres.PostgresDatabase')
                            .withInputSchema('read_model'))
                    .withTarget(new Target()
                            .withPackageName('cymru.calon.projections.schema')
                            .withDirectory(target))))
} finally {
    pg.close()
    Thread.currentThread().contextClassLoader = previous
}
project.addCompileSourceRoot(target)
