package cymru.calon.query.web;

import cymru.calon.commands.api.errors.FieldError;
import java.util.List;

/** Query parameters that cannot be answered: a 400 problem with one error per parameter. */
public class InvalidQuery extends RuntimeException {
  private final transient List<FieldError> errors;

  public InvalidQuery(List<FieldError> errors) {
    super(
        errors.size() == 1
            ? errors.getFirst().message()
            : "The query has " + errors.size() + " invalid parameters.");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
