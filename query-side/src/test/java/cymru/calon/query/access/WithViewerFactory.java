package cymru.calon.query.access;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** The security context of {@link WithViewer}: an authentication whose principal is the viewer. */
public final class WithViewerFactory implements WithSecurityContextFactory<WithViewer> {
  @Override
  public SecurityContext createSecurityContext(WithViewer annotation) {
    Viewer viewer =
        switch (annotation.role()) {
          case PROVIDER ->
              Viewer.provider(annotation.username(), OrganisationId.of(annotation.organisation()));
          case COMMISSIONER ->
              Viewer.commissioner(
                  annotation.username(), CommissionerId.of(annotation.commissioner()));
          case POLICY -> Viewer.policy(annotation.username());
        };
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(as(viewer));
    return context;
  }

  /** An authentication standing for {@code viewer}, as a signed-in local account would. */
  public static TestingAuthenticationToken as(Viewer viewer) {
    TestingAuthenticationToken token =
        new TestingAuthenticationToken(viewer, null, "ROLE_" + viewer.role().name());
    token.setAuthenticated(true);
    return token;
  }
}
