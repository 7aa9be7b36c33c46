package cymru.calon.query.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a web-layer test signed in as one {@link Viewer}: on a class, for every test of it; on a
 * method, for that test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@WithSecurityContext(factory = WithViewerFactory.class)
public @interface WithViewer {
  Role role();

  String username() default "test-user";

  /** For {@link Role#PROVIDER}. */
  String organisation() default "";

  /** For {@link Role#COMMISSIONER}. */
  String commissioner() default "";
}
