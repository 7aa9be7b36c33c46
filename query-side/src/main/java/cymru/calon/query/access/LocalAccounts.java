package cymru.calon.query.access;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The local accounts, checked once at start: every problem found is listed in one message that
 * names the account (by position and user name) and the setting, and never a password hash, so the
 * message is safe in a log. Calon does not start with an invalid account.
 */
public final class LocalAccounts implements UserDetailsService {
  /** A bcrypt hash in {@code DelegatingPasswordEncoder}'s form. */
  private static final Pattern BCRYPT =
      Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

  private final Map<String, LocalAccountUser> users;

  private LocalAccounts(Map<String, LocalAccountUser> users) {
    this.users = users;
  }

  /**
   * @throws IllegalStateException listing every invalid account
   */
  public static LocalAccounts of(List<CalonSecurityProperties.LocalAccount> accounts) {
    List<String> problems = new ArrayList<>();
    Map<String, LocalAccountUser> users = new LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < accounts.size(); i++) {
      CalonSecurityProperties.LocalAccount account = accounts.get(i);
      String where =
          "calon.security.local-accounts["
              + i
              + "]"
              + (blank(account.username()) ? "" : " (" + account.username() + ")");
      List<String> wrong = new ArrayList<>();
      if (blank(account.username())) {
        wrong.add("username is missing");
      } else if (!seen.add(account.username())) {
        wrong.add("username is used by an earlier account");
      }
      if (blank(account.passwordHash())) {
        wrong.add("password-hash is missing");
      } else if (!BCRYPT.matcher(account.passwordHash()).matches()) {
        wrong.add(
            "password-hash is not a bcrypt hash in the form {bcrypt}$2a$10$… (53 characters)");
      }
      Role role = null;
      if (blank(account.role())) {
        wrong.add("role is missing (PROVIDER, COMMISSIONER or POLICY)");
      } else {
        try {
          role = Role.valueOf(account.role().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          wrong.add("role must be PROVIDER, COMMISSIONER or POLICY");
        }
      }
      UUID organisation = uuid(account.organisationId(), "organisation-id", wrong);
      UUID commissioner = uuid(account.commissionerId(), "commissioner-id", wrong);
      if (role == Role.PROVIDER) {
        if (blank(account.organisationId())) {
          wrong.add("provider staff need an organisation-id");
        }
        if (!blank(account.commissionerId())) {
          wrong.add("provider staff have no commissioner-id");
        }
      } else if (role == Role.COMMISSIONER) {
        if (blank(account.commissionerId())) {
          wrong.add("a commissioner needs a commissioner-id");
        }
        if (!blank(account.organisationId())) {
          wrong.add("a commissioner has no organisation-id");
        }
      } else if (role == Role.POLICY
          && (!blank(account.organisationId()) || !blank(account.commissionerId()))) {
        wrong.add("policy staff have neither organisation-id nor commissioner-id");
      }
      if (!wrong.isEmpty()) {
        problems.add(where + ": " + String.join("; ", wrong));
        continue;
      }
      Viewer viewer =
          switch (role) {
            case PROVIDER -> Viewer.provider(account.username(), new OrganisationId(organisation));
            case COMMISSIONER ->
                Viewer.commissioner(account.username(), new CommissionerId(commissioner));
            case POLICY -> Viewer.policy(account.username());
          };
      users.put(account.username(), new LocalAccountUser(viewer, account.passwordHash()));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Invalid local accounts: " + String.join(". ", problems) + ".");
    }
    return new LocalAccounts(Map.copyOf(users));
  }

  /** How many accounts there are (for the start-up log line). */
  public int size() {
    return users.size();
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    LocalAccountUser user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("No such local account");
    }
    // a fresh copy: Spring Security erases the credentials of what it signs in
    return new LocalAccountUser(user.viewer(), user.getPassword());
  }

  private static UUID uuid(String value, String name, List<String> wrong) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.trim());
    } catch (IllegalArgumentException e) {
      wrong.add(name + " is not a UUID");
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
