package cymru.calon.query.pages;

/** A page names something that does not exist: a 404 page that says so in the reader's language. */
class PageNotFound extends RuntimeException {
  private final String messageKey;

  PageNotFound(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  String messageKey() {
    return messageKey;
  }
}
