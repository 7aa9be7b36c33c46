package cymru.calon.query.pages;

import static cymru.calon.query.pages.ServicesPageControllerTest.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.access.WithViewerFactory;
import cymru.calon.query.dashboard.DashboardQueries;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Signing in with a local account (the sign-in page in English and Welsh, its error summary and
 * CSRF token, HTTP Basic), the header that says who is signed in, and what a page or program gets
 * when nobody is signed in or the user may not see something.
 */
@WebMvcTest({
  SignInPageController.class,
  ServicesPageController.class,
  DashboardPageController.class,
  PolicyPageController.class
})
@Import({FigureText.class, DashboardPresenter.class, cymru.calon.query.people.RecordText.class})
class SignInAndAccessTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Viewer OWN_STAFF =
      Viewer.provider("ana", OrganisationId.of(Fixtures.ORGANISATION));
  private static final Viewer OTHER_STAFF =
      Viewer.provider("bryn", OrganisationId.of(Fixtures.OTHER_ORGANISATION));
  private static final Viewer ITS_COMMISSIONER =
      Viewer.commissioner("cai", CommissionerId.of(Fixtures.COMMISSIONER));
  private static final Viewer OTHER_COMMISSIONER =
      Viewer.commissioner("dilys", CommissionerId.of(Fixtures.OTHER_COMMISSIONER));
  private static final Viewer ANALYST = Viewer.policy("pat");

  @Autowired MockMvc mvc;
  @MockitoBean DashboardQueries queries;
  @MockitoBean cymru.calon.query.people.StoryQueries stories;

  @DynamicPropertySource
  static void accounts(DynamicPropertyRegistry registry) {
    String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
    registry.add("calon.security.local-accounts[0].username", () -> "ana");
    registry.add("calon.security.local-accounts[0].password-hash", () -> hash);
    registry.add("calon.security.local-accounts[0].role", () -> "PROVIDER");
    registry.add("calon.security.local-accounts[0].organisation-id", () -> Fixtures.ORGANISATION);
    registry.add("calon.security.local-accounts[1].username", () -> "pat");
    registry.add("calon.security.local-accounts[1].password-hash", () -> hash);
    registry.add("calon.security.local-accounts[1].role", () -> "POLICY");
  }

  @Test
  void signInPage_inEnglish_aLabelledFormWithItsCsrfToken_andNoErrors() throws Exception {
    Document page = page(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn());

    assertThat(page.select("html").attr("lang")).isEqualTo("en");
    assertThat(page.select("h1").text()).isEqualTo("Sign in");
    assertThat(page.select("form[method=post]").attr("action")).isEqualTo("/login");
    assertThat(page.select("input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
    assertThat(page.select("label[for=username]").text()).isEqualTo("User name");
    assertThat(page.select("input#username").attr("autocomplete")).isEqualTo("username");
    assertThat(page.select("label[for=password]").text()).isEqualTo("Password");
    assertThat(page.select("input#password").attr("type")).isEqualTo("password");
    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(page.select("nav.calon-language-switch-nav a").attr("href"))
        .isEqualTo("/login?lang=cy");
    // nobody is signed in: no sign-out, no menu of pages they could not open
    assertThat(page.select(".calon-header__account")).isEmpty();
    assertThat(page.select("#navigation")).isEmpty();
  }

  @Test
  void aFailedSignIn_inWelsh_showsTheErrorSummary_linkedToTheField() throws Exception {
    MvcResult failed =
        mvc.perform(post("/login").param("username", "ana").param("password", "wrong").with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/login?error"))
            .andReturn();
    assertThat(failed.getResponse().getHeader("Location")).doesNotContain("wrong");

    Document page =
        page(
            mvc.perform(get("/login").param("error", "").param("lang", "cy"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page.select("html").attr("lang")).isEqualTo("cy");
    assertThat(page.select("h1").text()).isEqualTo("Mewngofnodi");
    assertThat(page.select(".govuk-error-summary [role=alert] h2").text())
        .isEqualTo("Mae problem wedi codi");
    assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#username");
    assertThat(page.select(".govuk-error-summary__list a").text())
        .isEqualTo("Rhowch enw defnyddiwr a chyfrinair cywir");
    assertThat(page.select("#username-error").text()).contains("Rhowch enw defnyddiwr");
    assertThat(page.select("input#username").attr("aria-describedby")).isEqualTo("username-error");
    assertThat(page.select("input[name=_csrf]")).hasSize(1);
  }

  @Test
  void signingIn_withoutTheCsrfToken_isRefused() throws Exception {
    mvc.perform(post("/login").param("username", "ana").param("password", PASSWORD))
        .andExpect(status().isForbidden());
  }

  @Test
  void signingIn_opensASession_theHeaderSaysWho_andSignOutIsAFormWithItsToken() throws Exception {
    when(queries.services(any())).thenReturn(List.of(Fixtures.SERVICE));
    MvcResult signedIn =
        mvc.perform(
                post("/login").param("username", "ana").param("password", PASSWORD).with(csrf()))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/"))
            .andReturn();
    MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/services"));
    Document page =
        page(mvc.perform(get("/services").session(session)).andExpect(status().isOk()).andReturn());
    assertThat(page.select(".calon-header__signed-in").text()).isEqualTo("Signed in as ana");
    assertThat(page.select(".calon-header__sign-out-form").attr("action")).isEqualTo("/logout");
    assertThat(page.select(".calon-header__sign-out-form input[name=_csrf]").attr("value"))
        .isNotBlank();
    assertThat(page.select("#navigation a").eachText()).containsExactly("Services");

    mvc.perform(post("/logout").session(session).accept("text/html").with(csrf()))
        .andExpect(redirectedUrl("/login?signedOut"));
    mvc.perform(get("/services").session(session))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", endsWith("/login")));
  }

  @Test
  void aPageAskedForBeforeSigningIn_isWhereSigningInLeads() throws Exception {
    MvcResult asked =
        mvc.perform(get("/policy").accept("text/html"))
            .andExpect(status().isFound())
            .andExpect(header().string("Location", endsWith("/login")))
            .andReturn();
    MockHttpSession session = (MockHttpSession) asked.getRequest().getSession(false);
    mvc.perform(
            post("/login")
                .session(session)
                .param("username", "pat")
                .param("password", PASSWORD)
                .with(csrf()))
        .andExpect(header().string("Location", startsWith("http://localhost/policy")));
  }

  @Test
  void httpBasic_signsInAProgram_andABadPasswordIsA401Problem() throws Exception {
    mvc.perform(get("/api/v1/anything").with(httpBasic("ana", "wrong")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
        .andExpect(jsonPath("$.title").value("Unauthenticated"))
        .andExpect(jsonPath("$.type").value("urn:calon:problem:unauthenticated"))
        .andExpect(jsonPath("$.detail").value("The credentials or the token were not accepted."));
    mvc.perform(get("/api/v1/anything"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    // signed in, the address is simply unknown: the credentials were good
    mvc.perform(get("/api/v1/anything").with(httpBasic("ana", PASSWORD)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aSignedInBrowser_needsItsCsrfTokenToChangeAnything_aProgramWithCredentialsDoesNot()
      throws Exception {
    mvc.perform(
            post("/api/v1/anything")
                .with(authentication(WithViewerFactory.as(OWN_STAFF)))
                .with(
                    request -> {
                      request.setRequestedSessionId("the-browser-session");
                      return request;
                    }))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("FORBIDDEN"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CSRF")));
    mvc.perform(post("/api/v1/anything").with(httpBasic("ana", PASSWORD)))
        .andExpect(status().isNotFound());
    // no session and no credentials: nothing to forge, simply not signed in
    mvc.perform(post("/api/v1/anything"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
  }

  @Test
  void aServiceDashboard_isForItsOrganisationsStaffAndItsCommissioner_only() throws Exception {
    when(queries.service(Fixtures.SERVICE_ID, null)).thenReturn(Optional.of(Fixtures.SERVICE));
    when(queries.service(
            any(cymru.calon.query.dashboard.DashboardParameters.Query.class),
            any(Viewer.class),
            org.mockito.ArgumentMatchers.anyBoolean()))
        .thenReturn(Optional.of(Fixtures.serviceView(Fixtures.SERVICE)));
    String path = "/services/" + Fixtures.SERVICE_ID + "/dashboard?from=2025-12-01&to=2026-12-01";

    for (Viewer allowed : List.of(OWN_STAFF, ITS_COMMISSIONER)) {
      mvc.perform(get(path).with(authentication(WithViewerFactory.as(allowed))))
          .andExpect(status().isOk());
    }
    for (Viewer refused : List.of(OTHER_STAFF, OTHER_COMMISSIONER, ANALYST)) {
      Document page =
          page(
              mvc.perform(
                      get(path)
                          .param("lang", "cy")
                          .with(authentication(WithViewerFactory.as(refused))))
                  .andExpect(status().isForbidden())
                  .andReturn());
      assertThat(page.select("html").attr("lang")).isEqualTo("cy");
      assertThat(page.select("h1").text()).isEqualTo("Nid oes gennych fynediad i'r dudalen hon");
      assertThat(page.text()).doesNotContain(Fixtures.SERVICE.name());
    }
  }

  @Test
  void thePolicyView_isForPolicyStaffOnly_andPolicyStaffStartThere() throws Exception {
    for (Viewer refused : List.of(OWN_STAFF, ITS_COMMISSIONER)) {
      mvc.perform(get("/policy").with(authentication(WithViewerFactory.as(refused))))
          .andExpect(status().isForbidden());
    }
    verify(queries, never()).policy(any());
    mvc.perform(get("/").with(authentication(WithViewerFactory.as(ANALYST))))
        .andExpect(redirectedUrl("/policy"));
    mvc.perform(get("/services").with(authentication(WithViewerFactory.as(ANALYST))))
        .andExpect(redirectedUrl("/policy"));
  }

  @Test
  void theServicesList_neverShowsAServiceTheViewerMayNotSee() throws Exception {
    var foreign =
        new cymru.calon.query.dashboard.ServiceListing(
            UUID.randomUUID(),
            "Someone Else's Service",
            cymru.calon.commands.api.service.Cohort.OTHER,
            "W06000015",
            UUID.fromString(Fixtures.OTHER_ORGANISATION),
            UUID.fromString(Fixtures.OTHER_COMMISSIONER));
    // even if the query answered too much, the page shows only what the viewer may see
    when(queries.services(any())).thenReturn(List.of(Fixtures.SERVICE, foreign));

    for (Viewer viewer : List.of(OWN_STAFF, ITS_COMMISSIONER)) {
      Document page =
          page(
              mvc.perform(get("/services").with(authentication(WithViewerFactory.as(viewer))))
                  .andExpect(status().isOk())
                  .andReturn());
      assertThat(page.select("tbody tr td:first-child").eachText())
          .containsExactly(Fixtures.SERVICE.name());
    }
    Document other =
        page(
            mvc.perform(get("/services").with(authentication(WithViewerFactory.as(OTHER_STAFF))))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(other.select("tbody tr td:first-child").eachText())
        .containsExactly("Someone Else's Service");
  }
}
