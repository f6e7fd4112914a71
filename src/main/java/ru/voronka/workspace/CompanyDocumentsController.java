package ru.voronka.workspace;

import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.voronka.deals.Viewer;
import ru.voronka.deals.Viewers;
import ru.voronka.directory.Group;
import ru.voronka.documents.CompanyRequisites;
import ru.voronka.documents.CompanySettings;
import ru.voronka.documents.CompanySettings.Image;
import ru.voronka.documents.VatRate;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainException.Kind;

/** «Реквизиты компании» (DOC-1): what every document prints of the seller — requisites, VAT, logo, stamp, signature. */
@Controller
class CompanyDocumentsController {

  private final CompanySettings company;

  CompanyDocumentsController(CompanySettings company) {
    this.company = company;
  }

  /** The form's fields, as typed (kept when a field is refused). */
  public record Form(String name, String inn, String kpp, String ogrn, String legalAddress, String postalAddress, String phone,
      String email, String bankName, String bik, String account, String corrAccount, String director, String directorTitle,
      String accountant, VatRate vatRate, Boolean paymentQr, Integer kpValidDays) {

    static Form of(CompanyRequisites c) {
      return new Form(c.name(), c.inn(), c.kpp(), c.ogrn(), c.legalAddress(), c.postalAddress(), c.phone(), c.email(),
          c.bankName(), c.bik(), c.account(), c.corrAccount(), c.director(), c.directorTitle(), c.accountant(), c.vatRate(),
          c.paymentQr(), c.kpValidDays());
    }

    CompanyRequisites requisites() {
      return new CompanyRequisites(name, inn, kpp, ogrn, legalAddress, postalAddress, phone, email, bankName, bik, account,
          corrAccount, director, directorTitle, accountant, vatRate, Boolean.TRUE.equals(paymentQr), kpValidDays == null ? 10 : kpValidDays, false,
          false, false);
    }
  }

  @GetMapping("/admin/documents")
  String page(Authentication auth, Model model) {
    requireAdmin(auth);
    CompanyRequisites current = company.current();
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Form.of(current));
    }
    fill(current, model);
    return "workspace/company-documents";
  }

  @PostMapping("/admin/documents")
  String save(Form form, Authentication auth, Model model, RedirectAttributes redirect) {
    Viewer viewer = requireAdmin(auth);
    try {
      CompanyRequisites saved = company.save(form.requisites(), viewer.userId());
      redirect.addFlashAttribute("saved", saved.missing().isEmpty() ? "Реквизиты сохранены: документы можно формировать"
          : "Сохранено. Для документов ещё не хватает: «" + String.join("», «", saved.missing()) + "»");
      return "redirect:/admin/documents";
    } catch (DomainException refused) {
      model.addAttribute("form", form);
      model.addAttribute("error", refused.getMessage());
      fill(company.current(), model);
      return "workspace/company-documents";
    }
  }

  @PostMapping("/admin/documents/images/{image}")
  String image(@PathVariable Image image, @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean remove, Authentication auth, RedirectAttributes redirect) throws IOException {
    Viewer viewer = requireAdmin(auth);
    if (!remove && (file == null || file.isEmpty())) {
      redirect.addFlashAttribute("error", "Выберите файл PNG или JPEG для «" + image.title() + "»");
      return "redirect:/admin/documents";
    }
    try {
      company.saveImage(image, remove ? null : file.getBytes(), viewer.userId());
      redirect.addFlashAttribute("saved", "«" + image.title() + "» " + (remove ? "убрано" : "сохранено"));
    } catch (DomainException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/admin/documents";
  }

  @GetMapping("/admin/documents/images/{image}")
  ResponseEntity<byte[]> showImage(@PathVariable Image image, Authentication auth) {
    requireAdmin(auth);
    byte[] content = company.image(image).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "Изображения нет"));
    MediaType type = content.length > 2 && (content[0] & 0xff) == 0xFF ? MediaType.IMAGE_JPEG : MediaType.IMAGE_PNG;
    return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore()).body(content);
  }

  private void fill(CompanyRequisites current, Model model) {
    model.addAttribute("missing", current.missing());
    model.addAttribute("vatRates", VatRate.values());
    model.addAttribute("images", Image.values());
    model.addAttribute("hasImage", java.util.Map.of("LOGO", current.hasLogo(), "STAMP", current.hasStamp(),
        "SIGNATURE", current.hasSignature()));
  }

  private static Viewer requireAdmin(Authentication auth) {
    Viewer viewer = Viewers.of(auth);
    if (!viewer.groups().contains(Group.ADMINS)) {
      throw new DomainException(Kind.FORBIDDEN, "Реквизиты компании меняет администратор");
    }
    return viewer;
  }
}
