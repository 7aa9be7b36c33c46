package cymru.calon.query.access;

import java.util.List;

/**
 * Local accounts that come from somewhere other than {@code calon.security.local-accounts}: the
 * demo accounts of {@code --calon.demo=true}. They are checked like configured ones.
 */
public interface LocalAccountSource {
  List<CalonSecurityProperties.LocalAccount> accounts();
}
