package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** Matches a refusal by its business error code. */
public final class Rejections {
  private Rejections() {}

  public static Matcher<Throwable> withCode(BusinessErrorCode code) {
    return Matchers.predicate(
        (Throwable e) ->
            switch (e) {
              case CommandRejectedException r -> r.rejection().code() == code;
              case CommandExecutionException x ->
                  x.getDetails()
                      .filter(d -> d instanceof Rejection r && r.code() == code)
                      .isPresent();
              default -> false;
            });
  }
}
