package cymru.calon.query.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement (WCAG 2.2 AA), open to everyone. */
@Controller
class AccessibilityPageController {
  @GetMapping("/accessibility")
  String statement() {
    return "accessibility";
  }
}
