package cymru.calon.infra.warehouse;

import cymru.calon.infra.CalonMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The warehouse's front page is the policy view (Calon's lists the services). */
@Controller
@ConditionalOnProperty(name = CalonMode.PROPERTY, havingValue = CalonMode.POLICY_WAREHOUSE)
class WarehouseHome {
  @GetMapping("/")
  String home() {
    return "redirect:/policy";
  }
}
