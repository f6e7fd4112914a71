package ru.voronka.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.voronka.deals.Deal;
import ru.voronka.deals.DealRepository;
import ru.voronka.support.WorkspaceTest;

/** The «Документы» tab, the requisites page and the REST API over the demo run (its deals made their documents). */
class DocumentPagesTest extends WorkspaceTest {

  static final RequestPostProcessor PETROV = user("petrov").roles("MANAGERS");
  static final RequestPostProcessor SIDOROVA = user("sidorova").roles("MANAGERS");
  static final RequestPostProcessor ADMIN = user("demoadmin").roles("CAMUNDA_ADMIN");
  /** A 1×1 PNG. */
  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  @Autowired MockMvc mvc;
  @Autowired DealRepository deals;
  @Autowired DealDocuments documents;
  @Autowired CompanySettings company;

  Deal deal(String title) {
    return deals.findAll().stream().filter(d -> d.getTitle().equals(title)).findFirst().orElseThrow();
  }

  List<DocumentType> types(Deal deal) {
    // What the process made (other tests here make more by hand).
    return documents.versions(deal.getId()).stream().filter(v -> v.createdBy().equals("system")).map(DocumentVersionView::type)
        .distinct().toList();
  }

  @Test
  void the_demo_funnel_made_each_deal_the_documents_of_its_stage() {
    assertThat(company.current().missing()).isEmpty();
    assertThat(types(deal("Насосная станция для ТЭЦ"))).containsExactly(DocumentType.KP); // waiting for the KP feedback
    // 620 000 ₽: over 500 000 — contract and invoice, made on entering «Договор».
    assertThat(types(deal("Узел учёта тепла"))).containsExactlyInAnyOrder(DocumentType.KP, DocumentType.CONTRACT, DocumentType.INVOICE);
    // 140 000 ₽: the invoice alone.
    assertThat(types(deal("Датчики давления"))).containsExactlyInAnyOrder(DocumentType.KP, DocumentType.INVOICE);
  }

  @Test
  void the_tab_lists_versions_with_preview_and_makes_a_new_version_for_the_responsible_only() throws Exception {
    Deal pumps = deal("Насосная станция для ТЭЦ");
    mvc.perform(get("/deals/" + pumps.getId() + "/tab/documents").with(SIDOROVA))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Коммерческое предложение № ")))
        .andExpect(content().string(containsString("target=\"doc-preview\"")))
        .andExpect(content().string(containsString("Сформирован процессом: «Отправить КП клиенту»")))
        .andExpect(content().string(containsString("value=\"INVOICE\"")));
    int before = documents.versions(pumps.getId()).size();
    mvc.perform(post("/deals/" + pumps.getId() + "/documents").param("type", "INVOICE").param("reason", "Клиент просит счёт")
            .with(SIDOROVA).with(csrf()))
        .andExpect(status().is3xxRedirection());
    var invoice = documents.versions(pumps.getId()).stream().filter(v -> v.type() == DocumentType.INVOICE).findFirst().orElseThrow();
    assertThat(documents.versions(pumps.getId())).hasSize(before + 1);
    assertThat(invoice.reason()).isEqualTo("Клиент просит счёт");
    assertThat(invoice.createdBy()).isEqualTo("sidorova");
    assertThat(invoice.sha256()).hasSize(64);
    mvc.perform(get("/deals/" + pumps.getId() + "/documents/" + invoice.id()).with(SIDOROVA))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString("application/pdf")))
        .andExpect(header().string("Content-Disposition", containsString("inline")));
    // Another manager learns nothing of the deal, its documents included.
    mvc.perform(get("/deals/" + pumps.getId() + "/documents/" + invoice.id()).with(PETROV)).andExpect(status().isNotFound());
    mvc.perform(post("/deals/" + pumps.getId() + "/documents").param("type", "INVOICE").with(PETROV).with(csrf()))
        .andExpect(status().isNotFound());
  }

  @Test
  void the_rest_api_lists_makes_and_serves_documents_with_the_deals_access_rules() throws Exception {
    Deal valves = deal("Поставка обратных клапанов"); // petrov's
    mvc.perform(post("/api/deals/" + valves.getId() + "/documents").with(PETROV)
            .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"KP\", \"reason\": \"По API\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.type").value("KP"))
        .andExpect(jsonPath("$.status").value("MADE"))
        .andExpect(jsonPath("$.createdBy").value("petrov"));
    var kp = documents.versions(valves.getId()).get(0);
    mvc.perform(get("/api/deals/" + valves.getId() + "/documents").with(PETROV))
        .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(kp.id()));
    mvc.perform(get("/api/documents/" + kp.id() + "/pdf").with(PETROV))
        .andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("application/pdf")));
    mvc.perform(get("/api/documents/" + kp.id() + "/pdf").with(SIDOROVA)).andExpect(status().isNotFound());
    mvc.perform(get("/api/deals/" + valves.getId() + "/documents").with(SIDOROVA)).andExpect(status().isNotFound());
  }

  @Autowired PublicDocumentLinks links;

  @Test
  void a_client_opens_a_sent_document_by_its_signed_link_and_by_nothing_else() throws Exception {
    Deal pumps = deal("Насосная станция для ТЭЦ");
    var kp = documents.versions(pumps.getId()).get(0);
    String link = links.link(kp.id());
    String path = link.substring(link.indexOf("/public/"));
    mvc.perform(get(path)).andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("application/pdf")));
    mvc.perform(get("/public/documents/" + kp.id()).param("t", "AAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
    mvc.perform(get("/public/documents/" + (kp.id() + 1)).param("t", path.substring(path.indexOf("t=") + 2)))
        .andExpect(status().isNotFound());
  }

  @Test
  void signed_scans_are_checked_by_their_content_and_kept_as_signed_versions() throws Exception {
    Deal valves = deal("Поставка обратных клапанов");
    mvc.perform(multipart("/deals/" + valves.getId() + "/documents/signed").file(new MockMultipartFile("file", "акт.png", "image/png", PNG))
            .param("type", "ACT").with(PETROV).with(csrf()))
        .andExpect(status().is3xxRedirection());
    var signed = documents.versions(valves.getId()).stream().filter(v -> v.status() == DocumentStatus.SIGNED).findFirst().orElseThrow();
    assertThat(signed.type()).isEqualTo(DocumentType.ACT);
    assertThat(signed.contentType()).isEqualTo("image/png");
    assertThat(documents.file(signed.id()).orElseThrow().content()).isEqualTo(PNG);
    // A text renamed to .pdf is no scan.
    mvc.perform(multipart("/deals/" + valves.getId() + "/documents/signed")
            .file(new MockMultipartFile("file", "акт.pdf", "application/pdf", "not a pdf".getBytes()))
            .param("type", "UPD").with(PETROV).with(csrf()).header("HX-Request", "true"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("не PDF, не JPEG и не PNG")));
    mvc.perform(multipart("/api/deals/" + valves.getId() + "/documents/signed").file(new MockMultipartFile("file", "x.png", "image/png", PNG))
            .param("type", "INVOICE").with(PETROV))
        .andExpect(status().isBadRequest());
  }

  @Test
  void a_missing_requisite_is_named_and_the_settings_page_is_for_administrators() throws Exception {
    mvc.perform(get("/admin/documents").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ООО «Воронка-Снаб»")))
        .andExpect(content().string(containsString("name=\"_csrf\"")))
        .andExpect(content().string(not(containsString("Документы не сформировать"))));
    mvc.perform(get("/admin/documents").with(PETROV)).andExpect(status().isForbidden());
    CompanyRequisites saved = company.current();
    try {
      mvc.perform(post("/admin/documents").with(ADMIN).with(csrf()).param("name", saved.name()).param("inn", saved.inn())
              .param("kpp", saved.kpp()).param("ogrn", saved.ogrn()).param("legalAddress", saved.legalAddress())
              .param("bankName", saved.bankName()).param("bik", "").param("account", saved.account())
              .param("corrAccount", saved.corrAccount()).param("director", saved.director()).param("vatRate", "NONE")
              .param("kpValidDays", "10"))
          .andExpect(status().is3xxRedirection());
      assertThat(company.current().vatRate()).isEqualTo(VatRate.NONE);
      Deal valves = deal("Поставка обратных клапанов");
      mvc.perform(post("/api/deals/" + valves.getId() + "/documents").with(PETROV)
              .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"INVOICE\"}"))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.detail").value(containsString("Не заполнен реквизит компании «БИК»")));
      mvc.perform(get("/deals/" + valves.getId() + "/tab/documents").with(PETROV))
          .andExpect(content().string(containsString("не заполнены реквизиты компании «БИК»")));
      mvc.perform(post("/admin/documents").with(ADMIN).with(csrf()).param("inn", "12345"))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("«ИНН»: 10 или 12 цифр")));
    } finally {
      company.save(saved, "test");
    }
  }
}
